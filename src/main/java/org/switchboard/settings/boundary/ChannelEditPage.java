package org.switchboard.settings.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelDtos.RoutingDto;
import org.switchboard.channels.control.ChannelDtos.SkillRuleDto;
import org.switchboard.channels.control.ChannelDtos.TicketDefaultsDto;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.routing.control.RoutingPreview;
import org.switchboard.routing.control.RoutingPreview.PreviewRow;
import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.identity.control.DirectoryDtos.NamedView;
import org.switchboard.identity.control.DirectoryService;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.workspace.control.WorkspaceQueries;
import org.switchboard.workspace.control.WorkspaceQueries.Option;
import org.switchboard.workspace.control.WorkspaceQueries.StageOption;

/**
 * Settings → Channels → one channel, in tabs: configuration, ticket properties for new tickets,
 * and routing with a preview of the draft rule over recent tickets before it is saved.
 */
@Named
@ViewScoped
public class ChannelEditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PREVIEW_TICKETS = 20;

    @Inject
    transient ChannelService channels;

    @Inject
    transient ChannelConnectors connectors;

    @Inject
    transient RoutingPreview previews;

    @Inject
    transient DirectoryService directory;

    @Inject
    transient WorkspaceQueries queries;

    @Inject
    transient Texts texts;

    private ChannelView channel;
    private String kindFragment;
    private String name;
    private boolean enabled;
    private Long pipelineId;
    private Long stageId;
    private Priority priority;
    private String nameTemplate;
    private String descriptionTemplate;
    private String category;
    private RoutingMode routingMode;
    private boolean availableOnly;
    private List<Long> userIds = new ArrayList<>();
    private List<Long> teamIds = new ArrayList<>();
    private List<SkillRuleForm> skillRules = new ArrayList<>();
    private List<PreviewRow> preview;

    private List<Option> pipelines;
    private List<StageOption> stages;
    private List<Option> agents;
    private List<Option> teams;
    private List<NamedView> skills;

    /** One skill rule as edited: conditions, and the skills an agent must have. */
    public static class SkillRuleForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String language;
        private String category;
        private String keywords;
        private Long teamId;
        private List<Long> skillIds = new ArrayList<>();

        SkillRuleDto toDto() {
            List<String> words = keywords == null || keywords.isBlank() ? List.of()
                    : Arrays.stream(keywords.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
            return new SkillRuleDto(blankToNull(language), blankToNull(category), words, teamId, new HashSet<>(skillIds));
        }

        static SkillRuleForm of(SkillRuleDto dto) {
            SkillRuleForm form = new SkillRuleForm();
            form.language = dto.language();
            form.category = dto.category();
            form.keywords = dto.keywords() == null ? null : String.join(", ", dto.keywords());
            form.teamId = dto.teamId();
            form.skillIds = new ArrayList<>(dto.skillIds());
            return form;
        }

        public String getLanguage() { return language; }
        public void setLanguage(String language) { this.language = language; }
        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public String getKeywords() { return keywords; }
        public void setKeywords(String keywords) { this.keywords = keywords; }
        public Long getTeamId() { return teamId; }
        public void setTeamId(Long teamId) { this.teamId = teamId; }
        public List<Long> getSkillIds() { return skillIds; }
        public void setSkillIds(List<Long> skillIds) { this.skillIds = skillIds; }
    }

    /** The channel to edit, from the address ({@code ?id=}). */
    @Inject
    @Param(name = "id")
    Long id;

    @PostConstruct
    void init() {
        channel = id == null ? null : channels.get(id).orElse(null);
        if (channel == null) {
            return; // onLoad answers 404
        }
        pipelines = queries.pipelines();
        stages = queries.stages();
        agents = queries.agents();
        teams = queries.teams();
        skills = directory.skills();
        fill(channel);
    }

    /** The page's view action: 404 for a channel that does not exist, before anything renders. */
    public void onLoad() {
        if (channel == null) {
            Pages.refuse(404);
        }
    }

    private void fill(ChannelView view) {
        channel = view;
        kindFragment = connectors.of(view.type()).map(ChannelConnector::editFragment).orElse(null);
        name = view.name();
        enabled = view.enabled();
        TicketDefaultsDto defaults = view.ticketDefaults();
        pipelineId = defaults.pipelineId();
        stageId = defaults.stageId();
        priority = defaults.priority();
        nameTemplate = defaults.nameTemplate();
        descriptionTemplate = defaults.descriptionTemplate();
        category = defaults.category();
        RoutingDto routing = view.routing();
        routingMode = routing.mode();
        availableOnly = routing.availableOnly() == null || routing.availableOnly();
        userIds = new ArrayList<>(routing.userIds() == null ? List.of() : routing.userIds());
        teamIds = new ArrayList<>(routing.teamIds() == null ? List.of() : routing.teamIds());
        skillRules = new ArrayList<>((routing.skillRules() == null ? List.<SkillRuleDto>of() : routing.skillRules()).stream().map(SkillRuleForm::of).toList());
    }

    private RoutingDto draftRouting() {
        return new RoutingDto(routingMode, availableOnly, new HashSet<>(userIds), new HashSet<>(teamIds),
                skillRules.stream().filter(r -> !r.skillIds.isEmpty()).map(SkillRuleForm::toDto).toList());
    }

    public void save() {
        try {
            ChannelView saved = channels.update(channel.id(), new ChannelRequest(channel.type(), name, channel.destination(), channel.inboxId(),
                    null, enabled, new TicketDefaultsDto(pipelineId, stageId, priority, nameTemplate, descriptionTemplate, category),
                    draftRouting(), channel.version())).orElseThrow();
            fill(saved);
            Pages.info(texts.get("channel.saved"));
        } catch (OptimisticLockException conflict) {
            Pages.error(texts.get("channel.conflict"));
        } catch (IllegalArgumentException invalid) {
            Pages.error(Pages.reason(invalid));
        }
    }

    public void runPreview() {
        try {
            preview = previews.preview(channel.id(), draftRouting(), PREVIEW_TICKETS).orElse(List.of());
        } catch (IllegalArgumentException invalid) {
            Pages.error(Pages.reason(invalid));
        }
    }

    public void addSkillRule() {
        skillRules.add(new SkillRuleForm());
    }

    public void removeSkillRule(SkillRuleForm rule) {
        skillRules.remove(rule);
    }

    public List<StageOption> getPipelineStages() {
        return stages.stream().filter(s -> pipelineId == null || s.pipelineId() == pipelineId).toList();
    }

    public ChannelView getChannel() { return channel; }
    /** The channel kind's own settings fragment (its connector's), shown below the generic tabs. */
    public String getKindFragment() { return kindFragment; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Long getPipelineId() { return pipelineId; }
    public void setPipelineId(Long pipelineId) { this.pipelineId = pipelineId; }
    public Long getStageId() { return stageId; }
    public void setStageId(Long stageId) { this.stageId = stageId; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public String getNameTemplate() { return nameTemplate; }
    public void setNameTemplate(String nameTemplate) { this.nameTemplate = nameTemplate; }
    public String getDescriptionTemplate() { return descriptionTemplate; }
    public void setDescriptionTemplate(String descriptionTemplate) { this.descriptionTemplate = descriptionTemplate; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public RoutingMode getRoutingMode() { return routingMode; }
    public void setRoutingMode(RoutingMode routingMode) { this.routingMode = routingMode; }
    public boolean isAvailableOnly() { return availableOnly; }
    public void setAvailableOnly(boolean availableOnly) { this.availableOnly = availableOnly; }
    public List<Long> getUserIds() { return userIds; }
    public void setUserIds(List<Long> userIds) { this.userIds = userIds; }
    public List<Long> getTeamIds() { return teamIds; }
    public void setTeamIds(List<Long> teamIds) { this.teamIds = teamIds; }
    public List<SkillRuleForm> getSkillRules() { return skillRules; }
    public List<PreviewRow> getPreview() { return preview; }
    public List<Option> getPipelines() { return pipelines; }
    public List<Option> getAgents() { return agents; }
    public List<Option> getTeams() { return teams; }
    public List<NamedView> getSkills() { return skills; }
    public RoutingMode[] getRoutingModes() { return RoutingMode.values(); }
    public Priority[] getPriorities() { return Priority.values(); }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
