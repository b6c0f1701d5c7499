package org.switchboard.tickets.entity;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.switchboard.identity.entity.User;
import org.switchboard.platform.persistence.Checks;

/**
 * One immutable entry of a ticket's timeline: its type and what it says as {@link Phrase}s (data,
 * not sentences), so that it reads in each reader's language. Routing explanations are phrases too.
 */
@Entity
@Table(name = "ticket_events")
@NamedQuery(name = "TicketEvent.ofTicket", query = "SELECT e FROM TicketEvent e LEFT JOIN FETCH e.actor WHERE e.ticket = :ticket ORDER BY e.occurredAt, e.id")
public class TicketEvent {

    @Id
    @SequenceGenerator(name = "ticket_events_seq", sequenceName = "ticket_events_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_events_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    private TicketEventType type;

    /** Who did it; null for the system (routing, inbound mail). */
    @ManyToOne
    @JoinColumn(name = "actor_id")
    private User actor;

    @Convert(converter = PhrasesJson.class)
    private List<Phrase> phrases;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected TicketEvent() {
    }

    public TicketEvent(Ticket ticket, TicketEventType type, User actor, Phrase... phrases) {
        this(ticket, type, actor, List.of(phrases));
    }

    public TicketEvent(Ticket ticket, TicketEventType type, User actor, List<Phrase> phrases) {
        this.ticket = Checks.require(ticket, "Ticket");
        this.type = Checks.require(type, "Event type");
        this.actor = actor;
        this.phrases = List.copyOf(phrases);
        this.occurredAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public TicketEventType getType() {
        return type;
    }

    public User getActor() {
        return actor;
    }

    public List<Phrase> getPhrases() {
        return phrases == null ? List.of() : phrases;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
