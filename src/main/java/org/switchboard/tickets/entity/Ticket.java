package org.switchboard.tickets.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.pipelines.entity.Priority;
import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.entity.PipelineStage;
import org.switchboard.platform.persistence.Checks;

/**
 * A support request. Its stage decides whether it is open or closed; {@code closedAt} follows the
 * stage, never set on its own. Edited by many agents, so it is versioned.
 */
@Entity
@Table(name = "tickets")
@NamedQuery(name = "Ticket.byOrigin", query = "SELECT t FROM Ticket t WHERE t.channel = :channel AND t.originKey = :origin")
public class Ticket {

    public static final int SUBJECT_MAX = 500;

    @Id
    @SequenceGenerator(name = "tickets_seq", sequenceName = "tickets_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets_seq")
    private Long id;

    /** The number people quote, e.g. #1234; from its own database sequence, gap-free enough for humans. */
    @Column(name = "ticket_number")
    private long number;

    private String subject;

    private String description;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pipeline_id")
    private Pipeline pipeline;

    @ManyToOne(optional = false)
    @JoinColumn(name = "stage_id")
    private PipelineStage stage;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private String category;

    @ManyToOne
    @JoinColumn(name = "owner_id")
    private User owner;

    @ManyToOne
    @JoinColumn(name = "team_id")
    private Team team;

    @Enumerated(EnumType.STRING)
    private TicketSource source;

    @ManyToOne
    @JoinColumn(name = "channel_id")
    private Channel channel;

    @ManyToOne
    @JoinColumn(name = "contact_id")
    private Contact contact;

    /** The earlier ticket this one follows up, when a reply came after the reopen window. */
    @ManyToOne
    @JoinColumn(name = "follows_ticket_id")
    private Ticket follows;

    /** Waiting in the routing queue: automatic assignment tries again when an agent frees up. */
    @Column(name = "awaiting_routing")
    private boolean awaitingRouting;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The owner's id as a plain column, read-only: views of one owner's (or nobody's) tickets order by it. */
    @Column(name = "owner_id", insertable = false, updatable = false)
    private Long ownerId;

    /** The channel message this ticket was opened for; unique per channel. */
    @Column(name = "origin_key")
    private String originKey;

    /** 1 while closedAt is null, else 0, as a column: ticket views page over (is_open, updated_at, id) indexes. */
    @Column(name = "is_open")
    private short open = 1;

    @Version
    private long version;

    protected Ticket() {
    }

    public Ticket(long number, String subject, Pipeline pipeline, PipelineStage stage, Priority priority, TicketSource source) {
        if (number <= 0) {
            throw new IllegalArgumentException("Ticket number must be positive");
        }
        this.number = number;
        rename(subject);
        this.pipeline = Checks.require(pipeline, "Pipeline");
        this.source = Checks.require(source, "Source");
        this.priority = priority == null ? Priority.MEDIUM : priority;
        this.createdAt = Instant.now();
        moveTo(stage);
    }

    public void rename(String newSubject) {
        this.subject = Checks.requireText(newSubject, "Subject", SUBJECT_MAX);
        touch();
    }

    public void describe(String newDescription) {
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription;
        touch();
    }

    /** Moves to a stage of this ticket's pipeline; a closing stage closes the ticket, an open one reopens it. */
    public void moveTo(PipelineStage newStage) {
        Checks.require(newStage, "Stage");
        if (!pipeline.contains(newStage)) {
            throw new IllegalArgumentException("Stage " + newStage.getName() + " is not in pipeline " + pipeline.getName());
        }
        this.stage = newStage;
        if (newStage.isClosed()) {
            if (closedAt == null) {
                closedAt = Instant.now();
            }
        } else {
            closedAt = null;
        }
        open = (short) (closedAt == null ? 1 : 0);
        touch();
    }

    public void close() {
        moveTo(pipeline.closedStage());
    }

    public void reopen() {
        moveTo(pipeline.openStage());
    }

    public void assignTo(User agent, Team viaTeam) {
        this.owner = Checks.require(agent, "Owner");
        this.team = viaTeam;
        this.awaitingRouting = false;
        touch();
    }

    /** Takes the owner away; the ticket does not go back to the routing queue by itself. */
    public void unassign() {
        this.owner = null;
        touch();
    }

    /** Puts an unassigned open ticket in the routing queue. */
    public void awaitRouting() {
        if (owner != null) {
            throw new IllegalStateException("Ticket #" + number + " is assigned already");
        }
        this.awaitingRouting = true;
    }

    public void leaveRoutingQueue() {
        this.awaitingRouting = false;
    }

    /**
     * A ticket an import made from historical mail: it carries the mail's date, counts as imported,
     * and is never routed (nobody should be assigned years-old conversations).
     */
    public void markImported(Instant firstMessageAt) {
        this.source = TicketSource.IMPORT;
        this.createdAt = Checks.require(firstMessageAt, "Date of the first message");
        this.updatedAt = firstMessageAt;
        this.awaitingRouting = false;
    }

    /** After an import: the last activity is the last historical message; the rule may close the ticket as of then. */
    public void importFinished(Instant lastMessageAt, boolean close) {
        if (close && closedAt == null) {
            this.stage = pipeline.closedStage();
            this.closedAt = lastMessageAt;
            this.open = 0;
        }
        this.updatedAt = lastMessageAt;
    }

    public void prioritize(Priority newPriority) {
        this.priority = Checks.require(newPriority, "Priority");
        touch();
    }

    public void categorize(String newCategory) {
        this.category = Checks.optionalText(newCategory, "Category", 100);
        touch();
    }

    public void comesFrom(Channel sourceChannel, Contact fromContact) {
        this.channel = sourceChannel;
        this.contact = fromContact;
    }

    /** @param origin the external id of the channel message the ticket is opened for */
    public void openedFor(String origin) {
        this.originKey = Checks.optionalText(origin, "Origin", 500);
    }

    public void follows(Ticket earlier) {
        if (earlier == this) {
            throw new IllegalArgumentException("A ticket cannot follow itself");
        }
        this.follows = earlier;
    }

    /** New activity (a message) without other changes. */
    public void touch() {
        this.updatedAt = Instant.now();
    }

    public boolean isAwaitingRouting() {
        return awaitingRouting;
    }

    public boolean isClosed() {
        return stage.isClosed();
    }

    public String getOriginKey() {
        return originKey;
    }

    public Long getId() {
        return id;
    }

    public long getNumber() {
        return number;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public Pipeline getPipeline() {
        return pipeline;
    }

    public PipelineStage getStage() {
        return stage;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getCategory() {
        return category;
    }

    public User getOwner() {
        return owner;
    }

    public Team getTeam() {
        return team;
    }

    public TicketSource getSource() {
        return source;
    }

    public Channel getChannel() {
        return channel;
    }

    public Contact getContact() {
        return contact;
    }

    public Ticket getFollows() {
        return follows;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getVersion() {
        return version;
    }
}
