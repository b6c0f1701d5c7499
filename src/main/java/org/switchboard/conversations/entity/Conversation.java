package org.switchboard.conversations.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.platform.persistence.Checks;
import org.switchboard.tickets.entity.Ticket;

/**
 * A thread with one contact on one channel. The thread key is unique per channel, so two racing
 * messages of one thread cannot open two conversations.
 */
@Entity
@Table(name = "conversations")
@NamedQuery(name = "Conversation.byThreadKey", query = "SELECT c FROM Conversation c WHERE c.channel = :channel AND c.threadKey = :threadKey")
public class Conversation {

    @Id
    @SequenceGenerator(name = "conversations_seq", sequenceName = "conversations_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversations_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "channel_id")
    private Channel channel;

    @ManyToOne
    @JoinColumn(name = "contact_id")
    private Contact contact;

    @Column(name = "thread_key")
    private String threadKey;

    @ManyToOne
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    /** The sequence number of the conversation's latest message; see {@link #nextSeq()}. */
    @Column(name = "last_seq")
    private int lastSeq;

    @Version
    private long version;

    protected Conversation() {
    }

    public Conversation(Channel channel, Contact contact, String threadKey) {
        this.channel = Checks.require(channel, "Channel");
        this.contact = contact;
        this.threadKey = Checks.requireText(threadKey, "Thread key", 500);
        this.createdAt = Instant.now();
        this.lastMessageAt = createdAt;
    }

    public void attachTo(Ticket newTicket) {
        this.ticket = Checks.require(newTicket, "Ticket");
    }

    /**
     * Frees the thread key for a new conversation: a reply that comes after the reopen window
     * starts a new ticket in a new conversation, and later replies must reach that one.
     */
    public void archiveThreadKey(String suffix) {
        String archived = threadKey + "~" + Checks.requireText(suffix, "Suffix", 40);
        this.threadKey = archived.length() > 500 ? archived.substring(archived.length() - 500) : archived;
    }

    public void recordMessageAt(Instant at) {
        if (lastMessageAt == null || at.isAfter(lastMessageAt)) {
            lastMessageAt = at;
        }
    }

    /**
     * The next message's place in this conversation (1, 2, 3, …). Taking it changes the row, so two
     * transactions that add messages to one conversation at once cannot both commit the same number.
     */
    public int nextSeq() {
        return ++lastSeq;
    }

    public int getLastSeq() {
        return lastSeq;
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public Contact getContact() {
        return contact;
    }

    public String getThreadKey() {
        return threadKey;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }
}
