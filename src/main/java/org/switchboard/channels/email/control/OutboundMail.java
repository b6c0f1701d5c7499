package org.switchboard.channels.email.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.channels.entity.ChannelType;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/** The database side of sending replies, each step its own transaction with the message row locked. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboundMail {

    /** How long one attempt may take before the message is due again (a crashed sender). */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailChannelService accounts;

    @Inject
    @ConfigProperty(name = "switchboard.email.max-send-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.email.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;

    /** Backoff of reply delivery: 30 s, 1 min, 2 min … capped at 30 min (base configurable). */
    Duration backoffAfter(int attempts) {
        return Duration.ofSeconds(Math.min(retryBaseSeconds << Math.min(Math.max(attempts - 1, 0), 10), 1800));
    }

    /** A claimed reply, ready for SMTP. */
    public record Outgoing(EmailAccount account, String secret, String messageId, byte[] mime) {
    }

    public List<Long> due(int limit) {
        return em.createQuery("SELECT m.id FROM Message m WHERE m.deliveryState = :pending AND m.nextDeliveryAt <= :now"
                        + " AND m.channel.type = :email ORDER BY m.nextDeliveryAt, m.id", Long.class)
                .setParameter("pending", DeliveryState.PENDING).setParameter("now", Instant.now())
                .setParameter("email", ChannelType.TEAM_EMAIL).setMaxResults(limit).getResultList();
    }

    /** Claims a due reply and composes it; null when there is nothing to send now. */
    public Outgoing claim(long messageId) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || message.getDirection() != MessageDirection.OUTBOUND || message.getDeliveryState() != DeliveryState.PENDING
                || message.getNextDeliveryAt() == null || message.getNextDeliveryAt().isAfter(Instant.now())
                || message.getChannel() == null || message.getChannel().getType() != ChannelType.TEAM_EMAIL) {
            return null;
        }
        EmailAccount account = EmailAccountJson.read(message.getChannel().getTypeSettings());
        if (account == null || !account.canSend()) {
            message.markFailed("The channel has no SMTP server to send with; connect one in its email settings");
            return null;
        }
        Conversation conversation = message.getConversation();
        Contact contact = conversation.getContact();
        String to = contact == null ? null : contact.getEmails().stream().sorted().findFirst().orElse(null);
        if (to == null) {
            message.markFailed("The contact has no email address to send to");
            return null;
        }
        Ticket ticket = message.getTicket();
        if (message.getChannelMessageId() == null) {
            message.identifyAs(MailComposer.newMessageId(ticket == null ? 0 : ticket.getNumber(), account.address()));
        }
        message.claimForDelivery(ATTEMPT_TIMEOUT);
        List<Message> thread = em.createNamedQuery("Message.ofConversation", Message.class).setParameter("conversation", conversation).getResultList();
        String inReplyTo = thread.stream().filter(m -> m.getDirection() == MessageDirection.INBOUND && m.getChannelMessageId() != null)
                .max(Comparator.comparing(Message::getCreatedAt)).map(Message::getChannelMessageId).orElse(null);
        List<String> references = thread.stream().filter(m -> m != message && m.getChannelMessageId() != null)
                .map(Message::getChannelMessageId).distinct().toList();
        if (references.size() > 20) {
            references = references.subList(references.size() - 20, references.size());
        }
        List<MailComposer.File> files = em.createQuery("SELECT a FROM Attachment a WHERE a.message = :m ORDER BY a.id", Attachment.class)
                .setParameter("m", message).getResultList().stream()
                .map(a -> new MailComposer.File(a.getFilename(), a.getContentType(), a.getContent())).toList();
        byte[] mime = MailComposer.compose(new MailComposer.Reply(account, message.getAuthor() == null ? null : message.getAuthor().getFullName(),
                to, contact.getFullName(), ticket == null ? 0 : ticket.getNumber(), ticket == null ? message.getSubject() : ticket.getSubject(),
                message.getText(), message.getSanitizedHtml(), message.getChannelMessageId(), inReplyTo, references, files));
        return new Outgoing(account, accounts.secretOf(account), message.getChannelMessageId(), mime);
    }

    public void sent(long messageId, String mailMessageId, byte[] mime) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        message.markSent(mailMessageId, Instant.now(), mime);
        if (message.getTicket() != null) {
            em.persist(new TicketEvent(message.getTicket(), TicketEventType.MESSAGE_SENT, message.getAuthor(), "Reply sent by email"));
        }
    }

    public void failed(long messageId, String problem) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        message.deliveryAttemptFailed(problem, maxAttempts, backoffAfter(message.getDeliveryAttempts() + 1));
        if (message.getDeliveryState() == DeliveryState.FAILED && message.getTicket() != null) {
            em.persist(new TicketEvent(message.getTicket(), TicketEventType.MESSAGE_SENT, message.getAuthor(),
                    "Reply could not be sent after " + message.getDeliveryAttempts() + " attempts: " + problem));
        }
    }
}
