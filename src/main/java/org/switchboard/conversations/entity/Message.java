package org.switchboard.conversations.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
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
import jakarta.persistence.Version;

import org.switchboard.channels.entity.Channel;
import org.switchboard.identity.entity.User;
import org.switchboard.platform.persistence.Checks;
import org.switchboard.tickets.entity.Ticket;

/**
 * One message of a conversation. {@code channel + externalId} is unique, which makes inbound
 * processing idempotent even when two deliveries of one message race. HTML is stored sanitized.
 */
@Entity
@Table(name = "messages")
@NamedQuery(name = "Message.byExternalId", query = "SELECT m FROM Message m WHERE m.channel = :channel AND m.externalId = :externalId")
@NamedQuery(name = "Message.byChannelMessageId", query = "SELECT m FROM Message m WHERE m.channel = :channel AND m.channelMessageId IN :ids")
@NamedQuery(name = "Message.ofConversation", query = "SELECT m FROM Message m LEFT JOIN FETCH m.author WHERE m.conversation = :conversation ORDER BY m.createdAt, m.id")
public class Message {

    @Id
    @SequenceGenerator(name = "messages_seq", sequenceName = "messages_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "messages_seq")
    private Long id;

    /** Null only for an internal note on a ticket that has no conversation. */
    @ManyToOne
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    /** Same as the conversation's; repeated so the database can keep external ids unique per channel. */
    @ManyToOne
    @JoinColumn(name = "channel_id")
    private Channel channel;

    /** The ticket the message belongs to, so a ticket lists its messages across conversations. */
    @ManyToOne
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    private String language;

    @Enumerated(EnumType.STRING)
    private MessageDirection direction;

    /** The agent who wrote an outbound message or note; null for the contact's messages. */
    @ManyToOne
    @JoinColumn(name = "author_id")
    private User author;

    private String subject;

    @Column(name = "body_text")
    private String text;

    @Column(name = "body_html")
    private String sanitizedHtml;

    @Column(name = "external_id")
    private String externalId;

    /** The id the channel knows the message by (an email's Message-ID), for threading replies. */
    @Column(name = "channel_message_id")
    private String channelMessageId;

    /** How the provider sends it when it is not free text (a template and its values, JSON); null for free text. */
    @Column(name = "send_as")
    private String sendAs;

    /** The customer's message this reply quotes (its id); null when it quotes none. */
    @Column(name = "quoted_message_id")
    private Long quotedMessageId;

    /** Sent by a machine (auto-reply, bounce): never opens or reopens a ticket. */
    private boolean automatic;

    /** What parsing noticed, e.g. a dropped attachment; null when nothing. */
    private String notes;

    @Column(name = "delivery_attempts")
    private int deliveryAttempts;

    @Column(name = "next_delivery_at")
    private Instant nextDeliveryAt;

    /** The message exactly as delivered (for email, its MIME). */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "sent_copy")
    private byte[] sentCopy;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_state")
    private DeliveryState deliveryState;

    @Column(name = "delivery_error")
    private String deliveryError;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Its place in its conversation (1, 2, 3, …); null for a note on a ticket without a conversation. */
    private Integer seq;

    @Version
    private long version;

    protected Message() {
    }

    private Message(Conversation conversation, Ticket ticket, MessageDirection direction, User author, String subject,
                    String text, String sanitizedHtml, DeliveryState state) {
        if (conversation == null && ticket == null) {
            throw new IllegalArgumentException("A message belongs to a conversation or a ticket");
        }
        this.conversation = conversation;
        this.channel = conversation == null ? null : conversation.getChannel();
        this.ticket = ticket != null ? ticket : conversation.getTicket();
        this.direction = direction;
        this.author = author;
        this.subject = Checks.optionalText(subject, "Subject", 1000);
        if ((text == null || text.isBlank()) && (sanitizedHtml == null || sanitizedHtml.isBlank())) {
            throw new IllegalArgumentException("A message needs text or HTML");
        }
        this.text = text;
        this.sanitizedHtml = sanitizedHtml;
        this.deliveryState = state;
        this.createdAt = Instant.now();
        this.seq = conversation == null ? null : conversation.nextSeq();
    }

    /** A message from the contact, as the channel delivered it. */
    public static Message inbound(Conversation conversation, String externalId, String subject, String text,
                                  String sanitizedHtml, Instant sentAt) {
        Message message = new Message(Checks.require(conversation, "Conversation"), null, MessageDirection.INBOUND, null, subject, text, sanitizedHtml, DeliveryState.RECEIVED);
        message.externalId = Checks.requireText(externalId, "External id", 500);
        message.sentAt = sentAt;
        message.receivedAt = message.createdAt;
        return message;
    }

    /** A reply by an agent, waiting to be delivered. */
    public static Message outbound(Conversation conversation, User agent, String subject, String text, String sanitizedHtml) {
        return new Message(Checks.require(conversation, "Conversation"), null, MessageDirection.OUTBOUND, Checks.require(agent, "Author"), subject, text, sanitizedHtml, DeliveryState.PENDING);
    }

    /** An answer the channel's automation (a chat bot) gives, marked automatic, waiting to be delivered like a reply. */
    public static Message automaticReply(Conversation conversation, String subject, String text) {
        Message message = new Message(Checks.require(conversation, "Conversation"), null, MessageDirection.OUTBOUND, null, subject, text, null, DeliveryState.PENDING);
        message.automatic = true;
        return message;
    }

    /** A reply the team sent before Switchboard took the mailbox over, as found in an imported mailbox. */
    public static Message historicalReply(Conversation conversation, String externalId, String subject, String text,
                                          String sanitizedHtml, Instant sentAt) {
        Message message = new Message(Checks.require(conversation, "Conversation"), null, MessageDirection.OUTBOUND, null, subject, text, sanitizedHtml, DeliveryState.SENT);
        message.externalId = Checks.requireText(externalId, "External id", 500);
        message.sentAt = sentAt;
        return message;
    }

    /** A note between agents in a conversation; it is never delivered. */
    public static Message internalNote(Conversation conversation, User agent, String text) {
        return new Message(Checks.require(conversation, "Conversation"), null, MessageDirection.INTERNAL_NOTE, Checks.require(agent, "Author"), null, text, null, DeliveryState.NOT_APPLICABLE);
    }

    /** A note between agents on a ticket, with or without a conversation; it is never delivered. */
    public static Message internalNote(Ticket ticket, User agent, String text) {
        return new Message(null, Checks.require(ticket, "Ticket"), MessageDirection.INTERNAL_NOTE, Checks.require(agent, "Author"), null, text, null, DeliveryState.NOT_APPLICABLE);
    }

    /** Files the message on a ticket (when the conversation got its ticket after the message). */
    public void fileOn(Ticket newTicket) {
        this.ticket = Checks.require(newTicket, "Ticket");
    }

    public void tagLanguage(String languageTag) {
        this.language = Checks.optionalText(languageTag, "Language", 35);
    }

    /** Records the channel's id for this message (inbound as received; outbound before the first attempt, so retries reuse it). */
    public void identifyAs(String channelId) {
        this.channelMessageId = Checks.optionalText(channelId, "Channel message id", 500);
    }

    /** Flags a message a machine sent; it is kept but never opens or reopens a ticket. */
    public void markAutomatic() {
        this.automatic = true;
    }

    public void addNotes(List<String> parsingNotes) {
        if (parsingNotes != null && !parsingNotes.isEmpty()) {
            String joined = String.join("\n", parsingNotes);
            this.notes = joined.length() > 2000 ? joined.substring(0, 2000) : joined;
        }
    }

    /** Queues an outbound message for its channel's delivery, now. */
    public void queueForDelivery() {
        requireOutbound();
        this.nextDeliveryAt = Instant.now();
    }

    /**
     * Sends this reply through another channel than its conversation's: a kind that cannot send
     * itself names the one that answers for it (a form answers by team email), and the answer to
     * the reply then threads back through that channel.
     */
    public void sendThrough(Channel sender) {
        requireOutbound();
        if (sentAt != null) {
            throw new IllegalStateException("The message was sent already");
        }
        this.channel = sender;
    }

    /**
     * The provider accepted the message. A delivery or read status may have come first (a receiver
     * can answer before our attempt commits); the state then stays where it is.
     */
    public void markSent(String providerId, Instant at, byte[] copy) {
        requireOutbound();
        // the lazy copy first: on EclipseLink, touching a lazily fetched attribute loads the rest of the row into the
        // object, and changes made before it (the send time, the provider's id) were lost — every reply had no sent_at
        this.sentCopy = copy;
        if (providerId != null && externalId == null) {
            this.externalId = Checks.requireText(providerId, "Provider id", 500);
        }
        this.sentAt = at;
        if (deliveryState.progress() < DeliveryState.SENT.progress()) {
            this.deliveryState = DeliveryState.SENT;
        }
        this.deliveryError = null;
        this.nextDeliveryAt = null;
    }

    /** A failed attempt: tried again after {@code backoff}, or FAILED for good after {@code maxAttempts}. */
    public void deliveryAttemptFailed(String error, int maxAttempts, Duration backoff) {
        requireOutbound();
        this.deliveryAttempts++;
        this.deliveryError = shorten(error);
        if (deliveryAttempts >= maxAttempts) {
            this.deliveryState = DeliveryState.FAILED;
            this.nextDeliveryAt = null;
        } else {
            this.nextDeliveryAt = Instant.now().plus(backoff);
        }
    }

    /**
     * Not sent, and not for anything wrong with the message: the channel asked us to wait (a rate
     * limit, a token to renew). It goes after {@code wait} without the wait counting as an attempt,
     * so a message never fails for waiting.
     */
    public void deliveryWaits(String reason, Duration wait) {
        requireOutbound();
        this.deliveryError = shorten(reason);
        this.nextDeliveryAt = Instant.now().plus(wait);
    }

    /** Claims the message for one delivery attempt; a crash during the attempt leaves it due again later. */
    public void claimForDelivery(Duration attemptTimeout) {
        requireOutbound();
        this.nextDeliveryAt = Instant.now().plus(attemptTimeout);
    }

    /** Failed for good: no retry, the reason kept. Counts as an attempt when one was made. */
    public void markFailed(String error) {
        requireOutbound();
        this.deliveryState = DeliveryState.FAILED;
        this.deliveryError = shorten(error);
        this.nextDeliveryAt = null;
    }

    /** A permanent refusal by the provider on an attempt. */
    public void attemptRefused(String error) {
        requireOutbound();
        this.deliveryAttempts++;
        markFailed(error);
    }

    /**
     * A status the provider reported (delivered, read, failed). Statuses may come twice or out of
     * order: one that would move the message back is ignored, and so is a failure of a message
     * already delivered. Returns whether the message changed.
     */
    public boolean recordStatus(DeliveryState reported, String error) {
        requireOutbound();
        if (reported == DeliveryState.FAILED) {
            if (deliveryState.progress() < 0 || deliveryState.progress() >= DeliveryState.DELIVERED.progress()) {
                return false;
            }
            markFailed(error == null ? "The provider reported the message as not delivered" : error);
            return true;
        }
        if (reported.progress() <= 0) {
            throw new IllegalArgumentException("A provider reports DELIVERED, READ or FAILED, not " + reported);
        }
        if (deliveryState.progress() < 0 || reported.progress() <= deliveryState.progress()) {
            return false;
        }
        this.deliveryState = reported;
        this.deliveryError = null;
        this.nextDeliveryAt = null;
        return true;
    }

    /** The subject exactly as the channel sends it (email adds "Re:" and the ticket tag its own way). */
    public void subjectAsSent(String sentSubject) {
        requireOutbound();
        this.subject = Checks.optionalText(sentSubject, "Subject", 1000);
    }

    /** The provider's own id for a message we sent, when it tells it later; set once. */
    public boolean identifyAtProvider(String providerId) {
        requireOutbound();
        if (externalId != null) {
            return false;
        }
        this.externalId = Checks.requireText(providerId, "Provider id", 500);
        return true;
    }

    private static String shorten(String error) {
        return error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    public void markBounced(String reason) {
        requireOutbound();
        this.deliveryState = DeliveryState.BOUNCED;
        this.deliveryError = reason;
    }

    private void requireOutbound() {
        if (direction != MessageDirection.OUTBOUND) {
            throw new IllegalStateException("Only outbound messages are delivered");
        }
    }

    public Long getId() {
        return id;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getLanguage() {
        return language;
    }

    public MessageDirection getDirection() {
        return direction;
    }

    public User getAuthor() {
        return author;
    }

    public String getSubject() {
        return subject;
    }

    public String getText() {
        return text;
    }

    public String getSanitizedHtml() {
        return sanitizedHtml;
    }

    public String getExternalId() {
        return externalId;
    }

    /** Sent as a provider's template (JSON the kind's sender reads), not as free text. */
    public void sendAs(String providerForm) {
        requireOutbound();
        this.sendAs = Checks.optionalText(providerForm, "Send as", 4000);
    }

    public String getSendAs() {
        return sendAs;
    }

    /**
     * Quotes a message the customer sent in this reply's conversation, which the channel knows by its
     * id: the provider shows it above the reply.
     */
    public void quote(Message quoted) {
        requireOutbound();
        Conversation theirs = quoted.getConversation();
        boolean sameConversation = theirs != null && conversation != null
                && (theirs == conversation || theirs.getId() != null && theirs.getId().equals(conversation.getId()));
        if (quoted.getDirection() != MessageDirection.INBOUND || !sameConversation) {
            throw new IllegalArgumentException("A reply quotes a message the customer sent in its own conversation");
        }
        if (quoted.getExternalId() == null) {
            throw new IllegalArgumentException("The quoted message has no id the channel knows");
        }
        this.quotedMessageId = quoted.getId();
    }

    public Long getQuotedMessageId() {
        return quotedMessageId;
    }

    public String getChannelMessageId() {
        return channelMessageId;
    }

    public boolean isAutomatic() {
        return automatic;
    }

    public String getNotes() {
        return notes;
    }

    public int getDeliveryAttempts() {
        return deliveryAttempts;
    }

    public Instant getNextDeliveryAt() {
        return nextDeliveryAt;
    }

    public byte[] getSentCopy() {
        return sentCopy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public DeliveryState getDeliveryState() {
        return deliveryState;
    }

    public String getDeliveryError() {
        return deliveryError;
    }

    public Integer getSeq() {
        return seq;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
