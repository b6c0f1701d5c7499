package org.switchboard.settings.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;

import org.switchboard.identity.control.DirectoryDtos.NamedView;
import org.switchboard.identity.control.DirectoryDtos.UserRequest;
import org.switchboard.identity.control.DirectoryDtos.UserView;
import org.switchboard.identity.control.DirectoryService;
import org.switchboard.identity.entity.Availability;
import org.switchboard.identity.entity.Role;
import org.switchboard.pipelines.control.PipelineService;
import org.switchboard.pipelines.control.PipelineService.PipelineView;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/** Settings → Users and teams: users (roles, seat, skills, capacity, teams), teams, skills, pipelines and stages. */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DirectoryService directory;

    @Inject
    transient PipelineService pipelines;

    @Inject
    transient Texts texts;

    private List<UserView> users = List.of();
    private List<NamedView> teams = List.of();
    private List<NamedView> skills = List.of();
    private List<PipelineView> pipelineViews = List.of();

    private UserForm form;
    private String newTeam;
    private String newSkill;
    private String newPipeline;
    private Long stagePipelineId;
    private String newStage;
    private boolean newStageCloses;

    /** The user being edited or created. */
    public static class UserForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private Long version;
        private String username;
        private String fullName;
        private String email;
        private List<String> roles = new ArrayList<>(List.of(Role.AGENT.name()));
        private boolean paidSeat = true;
        private Integer capacity;
        private String callingAddress;
        private List<Long> skillIds = new ArrayList<>();
        private List<Long> teamIds = new ArrayList<>();
        private String password;
        private boolean active = true;
        private String language = "en";
        private Availability availability = Availability.AVAILABLE;

        public boolean isNew() { return id == null; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        /** Role names: a many-select hands back strings (a generic list keeps no element type). */
        public List<String> getRoles() { return roles; }
        public void setRoles(List<String> roles) { this.roles = roles; }
        public boolean isPaidSeat() { return paidSeat; }
        public void setPaidSeat(boolean paidSeat) { this.paidSeat = paidSeat; }
        public Integer getCapacity() { return capacity; }
        public void setCapacity(Integer capacity) { this.capacity = capacity; }
        public String getCallingAddress() { return callingAddress; }
        public void setCallingAddress(String callingAddress) { this.callingAddress = callingAddress; }
        public List<Long> getSkillIds() { return skillIds; }
        public void setSkillIds(List<Long> skillIds) { this.skillIds = skillIds; }
        public List<Long> getTeamIds() { return teamIds; }
        public void setTeamIds(List<Long> teamIds) { this.teamIds = teamIds; }
        public String getPassword() { return null; }
        public void setPassword(String password) { this.password = password; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
    }

    @PostConstruct
    void init() {
        load();
    }

    private void load() {
        users = directory.users();
        teams = directory.teams();
        skills = directory.skills();
        pipelineViews = pipelines.list();
    }

    public void newUser() {
        form = new UserForm();
    }

    public void edit(UserView user) {
        UserForm edited = new UserForm();
        edited.id = user.id();
        edited.version = user.version();
        edited.username = user.username();
        edited.fullName = user.fullName();
        edited.email = user.email();
        edited.roles = new ArrayList<>(user.roles().stream().map(Role::name).toList());
        edited.paidSeat = user.paidSeat();
        edited.capacity = user.capacity();
        edited.callingAddress = user.callingAddress();
        edited.skillIds = new ArrayList<>(user.skillIds());
        edited.teamIds = new ArrayList<>(user.teamIds());
        edited.active = user.active();
        edited.language = user.language();
        edited.availability = user.availability();
        form = edited;
    }

    public void saveUser() {
        if (form.roles.isEmpty()) {
            Pages.error(texts.get("users.roleRequired"));
            return;
        }
        if (form.isNew() && (form.password == null || form.password.length() < 8)) {
            Pages.error(texts.get("users.passwordRequired"));
            return;
        }
        UserRequest request = new UserRequest(form.username, form.fullName, form.email == null || form.email.isBlank() ? null : form.email,
                EnumSet.copyOf(form.roles.stream().map(Role::valueOf).toList()), form.paidSeat, form.availability, form.capacity, new HashSet<>(form.skillIds),
                new HashSet<>(form.teamIds), form.password == null || form.password.isEmpty() ? null : form.password, form.language,
                form.active, form.version, form.callingAddress);
        try {
            UserView saved = form.isNew() ? directory.createUser(request) : directory.updateUser(form.id, request).orElseThrow();
            Pages.info(texts.get("users.saved", saved.username()));
            form = null;
            load();
        } catch (OptimisticLockException conflict) {
            Pages.error(texts.get("users.conflict"));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
        }
    }

    public void cancel() {
        form = null;
    }

    public void addTeam() {
        run(() -> directory.createTeam(newTeam));
        newTeam = null;
    }

    public void deleteTeam(long id) {
        run(() -> directory.deleteTeam(id));
    }

    public void addSkill() {
        run(() -> directory.createSkill(newSkill));
        newSkill = null;
    }

    public void deleteSkill(long id) {
        run(() -> directory.deleteSkill(id));
    }

    public void addPipeline() {
        run(() -> pipelines.create(newPipeline));
        newPipeline = null;
    }

    public void addStage() {
        if (stagePipelineId == null) {
            return;
        }
        run(() -> pipelines.addStage(stagePipelineId, newStage, newStageCloses));
        newStage = null;
        newStageCloses = false;
    }

    private void run(Runnable change) {
        try {
            change.run();
            Pages.info(texts.get("users.changed"));
        } catch (IllegalArgumentException | IllegalStateException | jakarta.persistence.PersistenceException refused) {
            Pages.error(Pages.reason(refused));
        }
        load();
    }

    public String teamName(long id) {
        return teams.stream().filter(t -> t.id() == id).map(NamedView::name).findFirst().orElse("?");
    }

    public String skillName(long id) {
        return skills.stream().filter(t -> t.id() == id).map(NamedView::name).findFirst().orElse("?");
    }

    public List<UserView> getUsers() { return users; }
    public List<NamedView> getTeams() { return teams; }
    public List<NamedView> getSkills() { return skills; }
    public List<PipelineView> getPipelines() { return pipelineViews; }
    public Role[] getAllRoles() { return Role.values(); }
    public UserForm getForm() { return form; }
    public String getNewTeam() { return newTeam; }
    public void setNewTeam(String newTeam) { this.newTeam = newTeam; }
    public String getNewSkill() { return newSkill; }
    public void setNewSkill(String newSkill) { this.newSkill = newSkill; }
    public String getNewPipeline() { return newPipeline; }
    public void setNewPipeline(String newPipeline) { this.newPipeline = newPipeline; }
    public Long getStagePipelineId() { return stagePipelineId; }
    public void setStagePipelineId(Long stagePipelineId) { this.stagePipelineId = stagePipelineId; }
    public String getNewStage() { return newStage; }
    public void setNewStage(String newStage) { this.newStage = newStage; }
    public boolean isNewStageCloses() { return newStageCloses; }
    public void setNewStageCloses(boolean newStageCloses) { this.newStageCloses = newStageCloses; }
}
