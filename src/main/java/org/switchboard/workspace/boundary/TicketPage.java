package org.switchboard.workspace.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.security.enterprise.SecurityContext;

import org.switchboard.contacts.control.ContactHistory;
import org.switchboard.workspace.control.ContactMerges;
import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.connector.Composer;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.identity.boundary.UserSession;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;
import org.switchboard.workspace.control.TicketDtos.AttachmentView;
import org.switchboard.workspace.control.TicketDtos.EventView;
import org.switchboard.workspace.control.TicketDtos.MessageView;
import org.switchboard.workspace.control.TicketDtos.TicketDetail;
import org.switchboard.workspace.control.TicketDtos.TicketPatch;
import org.switchboard.workspace.control.TicketDtos.TicketSummary;
import org.switchboard.workspace.control.TicketService;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.workspace.control.DisplayHtml;
import org.switchboard.workspace.control.WorkspaceQueries;
import org.switchboard.workspace.control.WorkspaceQueries.ChannelOption;
import org.switchboard.workspace.control.WorkspaceQueries.ContactCard;
import org.switchboard.workspace.control.WorkspaceQueries.Option;
import org.switchboard.workspace.control.WorkspaceQueries.OtherTicket;
import org.switchboard.workspace.control.WorkspaceQueries.StageOption;

/**
 * One ticket: its conversation across channels in time order, the timeline, the reply composer
 * and internal notes, and the properties an agent changes (owner, stage, priority). Saves carry
 * the version the agent saw: a change by someone else in between is refused, never overwritten.
 */
@Named
@ViewScoped
public class TicketPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TicketService tickets;

    @Inject
    transient WorkspaceQueries queries;

    @Inject
    transient ChannelConnectors connectors;

    @Inject
    transient SecurityContext security;

    @Inject
    transient Texts texts;

    @Inject
    UserSession session;

    private long id;
    private boolean found;
    private TicketSummary ticket;
    private String description;
    private List<Entry> entries = List.of();
    private List<EventView> timeline = List.of();
    private ContactCard contact;
    private List<ContactHistory.Record> history = List.of();

    /** What other features know of the contact (form submissions with their hidden fields …). */
    @Inject
    transient Instance<ContactHistory> histories;
    private List<OtherTicket> otherTickets = List.of();
    private List<ContactMerges.Lookalike> lookalikes = List.of();

    @Inject
    transient ContactMerges merges;
    private List<StageOption> stages = List.of();
    private List<Option> agents = List.of();
    private final Set<Long> imagesAllowed = new HashSet<>();
    private Composer composer;
    private Long latestConversationId;
    private ChannelOption composerChannel;
    private java.util.Locale composerLocale;

    private Long stageId;
    private Long ownerId;
    private Priority priority;
    private long version;
    private String replyText;
    private Long quoting;
    private String noteText;
    private String templateId;
    private String templateValues;

    /** A message as shown: safe HTML, its channel, its files, and the start of the customer's message it quotes (or null). */
    public record Entry(MessageView message, String html, boolean remoteImagesBlocked, String channel, String channelType, String quoted) {
        public boolean isInbound() {
            return message.direction() == MessageDirection.INBOUND;
        }

        public boolean isNote() {
            return message.direction() == MessageDirection.INTERNAL_NOTE;
        }

        /** A message of kind call: shown as a call card, not as text. */
        public boolean isCall() {
            return message.call() != null;
        }

        public String getCallTalked() {
            return message.call() == null || message.call().talkedSeconds() == null ? null
                    : org.switchboard.calls.control.CallTexts.duration(java.time.Duration.ofSeconds(message.call().talkedSeconds()));
        }

        /** The end is worth saying: not a normal hangup (busy, rejected, closed by time …). */
        public boolean isUnusualEnd() {
            return message.call() != null && message.call().endedAt() != null
                    && (message.call().endedByTimeout() || (message.call().endCause() != null && !"normalClearing".equals(message.call().endCause())));
        }
    }

    /** How the contact will see a reply from this agent: From line and signature. */
    @PostConstruct
    void init() {
        if (!AgentsOnly.allowed()) {
            return; // onLoad answers 403
        }
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            id = Long.parseLong(requested);
        } catch (NumberFormatException | NullPointerException notATicket) {
            id = -1;
        }
        found = load(true);
        if (found) {
            // the menus, once per view: a ticket stays in its pipeline
            List<StageOption> all = queries.stages();
            long pipelineId = all.stream().filter(s -> s.id() == ticket.stageId()).mapToLong(StageOption::pipelineId).findFirst().orElse(-1);
            stages = all.stream().filter(s -> s.pipelineId() == pipelineId).toList();
            agents = queries.agents();
        }
    }

    /** The page's view action: 403 for callers who may not see tickets, 404 for a ticket that does not exist, before anything renders. */
    public void onLoad() {
        if (!AgentsOnly.allowed()) {
            Pages.refuse(403);
        } else if (!found) {
            Pages.refuse(404);
        }
    }

    private boolean load(boolean withForm) {
        TicketDetail detail = id < 0 ? null : tickets.detail(id).orElse(null);
        if (detail == null) {
            return false;
        }
        ChannelOption latestChannel = loadConversation(detail);
        contact = ticket.contactId() == null ? null : queries.contact(ticket.contactId()).orElse(null);
        otherTickets = ticket.contactId() == null ? List.of() : queries.otherTickets(ticket.contactId(), id);
        lookalikes = ticket.contactId() == null ? List.of() : merges.lookalikes(ticket.contactId());
        history = ticket.contactId() == null ? List.of() : histories.stream().flatMap(h -> h.of(ticket.contactId()).stream())
                .sorted(java.util.Comparator.comparing(ContactHistory.Record::at).reversed()).limit(20).toList();
        if (withForm) {
            stageId = ticket.stageId();
            ownerId = ticket.ownerId();
            priority = ticket.priority();
            version = ticket.version();
            composerChannel = latestChannel;
            composer = composer(latestChannel);
            composerLocale = locale();
        }
        return true;
    }

    /** The ticket, its messages and timeline (what a live refresh re-renders); returns the channel of the latest message. */
    private ChannelOption loadConversation(TicketDetail detail) {
        ticket = detail.ticket();
        description = detail.description();
        timeline = detail.timeline();
        Map<Long, ChannelOption> channels = queries.channelsOfConversations(id);
        List<Entry> shown = new ArrayList<>();
        ChannelOption latestChannel = null;
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        Map<Long, MessageView> earlier = new HashMap<>(); // a reply's quoted message came before it
        for (MessageView message : detail.messages()) {
            earlier.put(message.id(), message);
            Map<String, String> inline = new HashMap<>();
            for (AttachmentView file : message.attachments()) {
                if (file.contentId() != null) {
                    inline.put(file.contentId().replaceAll("^<|>$", ""), context + "/files/attachments/" + file.id());
                }
            }
            DisplayHtml.Shown html = DisplayHtml.forAgent(message.html(), inline, imagesAllowed.contains(message.id()));
            ChannelOption channel = message.conversationId() == null ? null : channels.get(message.conversationId());
            if (channel != null) {
                latestChannel = channel;
                latestConversationId = message.conversationId();
            }
            shown.add(new Entry(message, html.html(), html.remoteImagesBlocked(), channel == null ? null : channel.name(),
                    channel == null ? null : channel.type(), message.quotedMessageId() == null ? null : excerpt(earlier.get(message.quotedMessageId()))));
        }
        entries = shown;
        return latestChannel;
    }

    /** What the reply box shows, as the kind of the conversation's channel decides (email: From line and signature). */
    private Composer composer(ChannelOption latest) {
        if (latest == null) {
            return null;
        }
        Long conversation = latestConversationId;
        Composer shown = connectors.of(latest.type()).map(c -> conversation == null ? c.composer(latest.id(), session.getFullName())
                : c.composer(latest.id(), conversation, session.getFullName())).orElse(Composer.PLAIN);
        return Composer.PLAIN.equals(shown) ? null : shown;
    }

    /** The start of a message as a quote shows it: its text on one line, or the name of its file when it has no text. */
    private static String excerpt(MessageView message) {
        if (message == null) {
            return "";
        }
        String text = message.text() != null && !message.text().isBlank() ? message.text()
                : message.attachments().stream().map(AttachmentView::filename).findFirst().orElse("");
        String line = text.substring(0, Math.min(text.length(), 1000)).strip().replaceAll("\\s+", " "); // the start is all a quote shows
        return line.length() <= 140 ? line : line.substring(0, 139) + "…";
    }

    /** A message of the customer's in the conversation replies go to, on a channel whose replies can quote it. */
    public boolean quotable(Entry entry) {
        Composer shown = getComposer();
        return shown != null && shown.quotes() && !shown.closed() && entry.isInbound() && !entry.isCall()
                && entry.message().externalId() != null && java.util.Objects.equals(entry.message().conversationId(), latestConversationId);
    }

    /** The next reply quotes this message. */
    public void quote(long messageId) {
        entries.stream().filter(e -> e.message().id() == messageId).filter(this::quotable).findFirst().ifPresent(e -> quoting = messageId);
    }

    public void unquote() {
        quoting = null;
    }

    public Long getQuoting() {
        return quoting;
    }

    /** The start of the message the next reply quotes, for the reply box. */
    public String getQuotingText() {
        return quoting == null ? null : entries.stream().filter(e -> e.message().id() == quoting).findFirst()
                .map(e -> excerpt(e.message())).orElse(null);
    }

    /** No free-text reply can go in the latest conversation now (a provider's reply window closed); the composer says why. */
    public boolean isReplyClosed() {
        Composer shown = getComposer();
        return shown != null && shown.closed();
    }

    public void save() {
        boolean unassign = ownerId == null && ticket.ownerId() != null;
        try {
            tickets.update(id, new TicketPatch(stageId, ownerId, unassign, priority, null, version), username());
            Pages.info(texts.get("ticket.saved"));
        } catch (RuntimeException e) {
            if (!isConflict(e)) {
                throw e;
            }
            Pages.error(texts.get("ticket.conflict"));
            load(false);
            return;
        }
        load(true);
    }

    /** Drops this agent's edits and shows the ticket as it is now (after a conflict). */
    public void reload() {
        load(true);
    }

    public void reply() {
        if (replyText == null || replyText.isBlank()) {
            Pages.error(texts.get("ticket.replyEmpty"));
            return;
        }
        try {
            tickets.reply(id, username(), replyText, null, null, quoting);
        } catch (IllegalStateException noConversation) {
            Pages.error(noConversation.getMessage());
            return;
        } catch (IllegalArgumentException cannotQuote) {
            quoting = null; // the window closed meanwhile, or the message is gone: the reply stays in the box, unquoted
            Pages.error(texts.get("ticket.cannotQuote"));
            return;
        }
        replyText = null;
        quoting = null;
        Pages.info(texts.get("ticket.replyQueued"));
        load(true);
    }

    /** Where free text cannot go: one of the provider's templates, its values one per line. */
    public void replyWithTemplate() {
        if (templateId == null || templateId.isBlank()) {
            Pages.error(texts.get("ticket.templateMissing"));
            return;
        }
        List<String> values = templateValues == null || templateValues.isBlank() ? List.of()
                : java.util.Arrays.stream(templateValues.split("\\R")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        try {
            tickets.replyWithTemplate(id, username(), templateId, values);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        templateId = null;
        templateValues = null;
        Pages.info(texts.get("ticket.replyQueued"));
        load(true);
    }

    public String getTemplateId() { return templateId; }
    public void setTemplateId(String templateId) { this.templateId = templateId; }
    public String getTemplateValues() { return templateValues; }
    public void setTemplateValues(String templateValues) { this.templateValues = templateValues; }

    public void addNote() {
        if (noteText == null || noteText.isBlank()) {
            Pages.error(texts.get("ticket.noteEmpty"));
            return;
        }
        tickets.note(id, username(), noteText);
        noteText = null;
        Pages.info(texts.get("ticket.noteAdded"));
        load(true);
    }

    /** This ticket's contact and another are one person: the other is merged into this one (its tickets and identities move here). */
    public void mergeContact(long otherId) {
        if (ticket.contactId() == null) {
            return;
        }
        try {
            ContactMerges.Merged merged = merges.merge(ticket.contactId(), otherId, username());
            // shown in place, not after a redirect: the merge's own live push could take a flash message before the redirected page does
            Pages.info(texts.get("contact.merged", merged.name(), merged.ticketsMoved()));
        } catch (IllegalArgumentException gone) {
            Pages.error(Pages.reason(gone));
        }
        load(false);
    }

    public List<ContactMerges.Lookalike> getLookalikes() {
        return lookalikes;
    }

    public void allowImages(long messageId) {
        imagesAllowed.add(messageId);
        load(false);
    }

    /** A push said some ticket changed: the conversation and timeline again; the agent's unsaved edits stay. */
    /** The live refresh: only what it re-renders (the conversation and timeline), not the contact card. */
    public void refresh() {
        if (id >= 0) {
            tickets.detail(id).ifPresent(this::loadConversation);
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    @Inject
    transient org.switchboard.workspace.control.ClickToCall clickToCall;

    private String username() {
        return security.getCallerPrincipal().getName();
    }

    public long getId() {
        return id;
    }

    public TicketSummary getTicket() {
        return ticket;
    }

    public String getDescription() {
        return description;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    public List<EventView> getTimeline() {
        return timeline;
    }

    public List<ContactHistory.Record> getHistory() {
        return history;
    }

    public ContactCard getContact() {
        return contact;
    }

    public List<OtherTicket> getOtherTickets() {
        return otherTickets;
    }

    public List<StageOption> getStages() {
        return stages;
    }

    public List<Option> getAgents() {
        return agents;
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    /** The reply box; its notice is written again when the agent switched language on this page. */
    public Composer getComposer() {
        java.util.Locale now = locale();
        if (composerChannel != null && !now.equals(composerLocale)) {
            composer = composer(composerChannel);
            composerLocale = now;
        }
        return composer;
    }

    private static java.util.Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? java.util.Locale.ENGLISH : faces.getViewRoot().getLocale();
    }

    /** The ticket's channel can place calls (click-to-call) and the contact has a number. */
    public boolean isCanCall() {
        return contact != null && !contact.phones().isEmpty() && entries.stream().map(Entry::channelType).filter(java.util.Objects::nonNull)
                .reduce((first, second) -> second).map(clickToCall::canCall).orElse(false);
    }

    /** Click-to-call: the provider rings the agent's phone, then the contact; the call appears on the ticket as it goes. */
    public void callContact() {
        try {
            clickToCall.call(id, username(), null);
            Pages.info(texts.get("ticket.callPlaced"));
        } catch (org.switchboard.calls.control.CallPlacer.CallNotPlaced refused) {
            Pages.error(refused.getMessage());
        }
    }

    public boolean isCanReply() {
        return entries.stream().anyMatch(e -> e.channelType() != null);
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

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getReplyText() {
        return replyText;
    }

    public void setReplyText(String replyText) {
        this.replyText = replyText;
    }

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }
}
