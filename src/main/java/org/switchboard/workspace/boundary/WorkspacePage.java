package org.switchboard.workspace.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.identity.boundary.UserSession;
import org.switchboard.platform.faces.Pages;
import org.switchboard.workspace.control.TicketDtos.TicketQuery;
import org.switchboard.workspace.control.TicketDtos.TicketSummary;
import org.switchboard.workspace.control.TicketService;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.workspace.control.WorkspaceQueries;
import org.switchboard.workspace.control.WorkspaceQueries.Option;
import org.switchboard.workspace.control.WorkspaceQueries.StageOption;

/**
 * The ticket list: a view (unassigned, mine, all open, closed, or one channel's open tickets),
 * filters and a search, paged by keyset — the next page starts after the last row shown, so
 * paging stays fast however many tickets there are and never skips or repeats a row.
 */
@Named
@ViewScoped
public class WorkspacePage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    @Inject
    transient TicketService tickets;

    @Inject
    transient WorkspaceQueries queries;

    @Inject
    UserSession session;

    private List<StageOption> stages;
    private List<Option> agents;
    private List<Option> teams;

    private View view = View.OPEN;
    private Long viewChannelId;
    private Long stageId;
    private Long ownerId;
    private Long teamId;
    private Long channelId;
    private Priority priority;
    private String search;
    private boolean oldestFirst;

    private final List<String> earlierPages = new ArrayList<>();
    private String cursor;
    private String nextCursor;
    private List<TicketSummary> rows = List.of();
    private java.util.Map<Long, String> contactEmails = java.util.Map.of();

    /** The sidebar's views. */
    public enum View {
        UNASSIGNED, MINE, OPEN, CLOSED, CHANNEL
    }

    @PostConstruct
    void init() {
        if (!AgentsOnly.allowed()) {
            return; // onLoad answers 403
        }
        var parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String requested = parameters.get("view");
        if (requested != null) {
            for (View candidate : View.values()) {
                if (candidate.name().equalsIgnoreCase(requested)) {
                    view = candidate;
                }
            }
        }
        if (view == View.CHANNEL) {
            try {
                viewChannelId = Long.valueOf(parameters.get("channel"));
            } catch (NumberFormatException | NullPointerException notAChannel) {
                view = View.OPEN;
            }
        }
        stages = queries.stages();
        agents = queries.agents();
        teams = queries.teams();
        load();
    }

    /** The page's view action: refuses callers who are not agents or admins before anything renders. */
    public void onLoad() {
        if (!AgentsOnly.allowed()) {
            Pages.refuse(403);
        }
    }

    private void load() {
        Long owner = view == View.MINE ? session.getUserId() : ownerId;
        if (view == View.MINE && owner == null) {
            owner = -1L; // a user without a record has no tickets
        }
        Boolean unassigned = view == View.UNASSIGNED ? Boolean.TRUE : null;
        Boolean closed = view == View.CLOSED ? Boolean.TRUE : Boolean.FALSE;
        Long channel = view == View.CHANNEL ? viewChannelId : channelId;
        var page = tickets.list(new TicketQuery(stageId, owner, teamId, channel, unassigned, closed, null, PAGE_SIZE, cursor,
                priority, search, oldestFirst));
        rows = page.items();
        nextCursor = page.nextCursor();
        contactEmails = queries.emailsOf(rows.stream().filter(r -> r.contact() == null && r.contactId() != null)
                .map(TicketSummary::contactId).collect(java.util.stream.Collectors.toSet()));
    }

    /** Filters or search changed: back to the first page. */
    public void apply() {
        earlierPages.clear();
        cursor = null;
        load();
    }

    public void clearFilters() {
        stageId = null;
        ownerId = null;
        teamId = null;
        channelId = null;
        priority = null;
        search = null;
        oldestFirst = false;
        apply();
    }

    public void next() {
        if (nextCursor != null) {
            earlierPages.add(cursor);
            cursor = nextCursor;
            load();
        }
    }

    public void previous() {
        if (!earlierPages.isEmpty()) {
            cursor = earlierPages.remove(earlierPages.size() - 1);
            load();
        }
    }

    /** A push said tickets changed: the same page again, with what is there now. */
    public void refresh() {
        load();
    }

    public List<TicketSummary> getRows() {
        return rows;
    }

    /** The contact's name, or their address when they gave no name. */
    public String contactLabel(TicketSummary row) {
        return row.contact() != null ? row.contact() : row.contactId() == null ? "" : contactEmails.getOrDefault(row.contactId(), "");
    }

    public boolean isHasNext() {
        return nextCursor != null;
    }

    public boolean isHasPrevious() {
        return !earlierPages.isEmpty();
    }

    public int getPageNumber() {
        return earlierPages.size() + 1;
    }

    public View getView() {
        return view;
    }

    public Long getViewChannelId() {
        return viewChannelId;
    }

    public boolean isChannelView() {
        return view == View.CHANNEL;
    }

    public List<StageOption> getStages() {
        return stages;
    }

    public List<Option> getAgents() {
        return agents;
    }

    public List<Option> getTeams() {
        return teams;
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public Long getStageId() {
        return stageId;
    }

    public void setStageId(Long stageId) {
        this.stageId = stageId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }

    public Long getChannelId() {
        return channelId;
    }

    public void setChannelId(Long channelId) {
        this.channelId = channelId;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public boolean isOldestFirst() {
        return oldestFirst;
    }

    public void setOldestFirst(boolean oldestFirst) {
        this.oldestFirst = oldestFirst;
    }
}
