package org.switchboard.channels.email.control;

import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.outbound.control.MessageSender;
import org.switchboard.outbound.control.PermanentFailure;
import org.switchboard.outbound.control.SendOutcome;
import org.switchboard.tickets.entity.Ticket;

/**
 * Sends agents' replies on team email channels over SMTP, for the shared outbound queue. The
 * Message-ID is fixed before the first attempt, so a retry after a crash between the server's
 * acceptance and our record is the same message to every mail client.
 */
@ApplicationScoped
public class EmailSender implements MessageSender {

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailChannelService accounts;

    @Override
    public String kind() {
        return EmailConnector.KIND;
    }

    @Override
    public Attempt prepare(Message message) {
        EmailAccount account = EmailAccountJson.read(message.getChannel().getTypeSettings());
        if (account == null || !account.canSend()) {
            throw new PermanentFailure("The channel has no SMTP server to send with; connect one in its email settings");
        }
        Conversation conversation = message.getConversation();
        Contact contact = conversation.getContact();
        String to = contact == null ? null : contact.getEmails().stream().sorted().findFirst().orElse(null);
        if (to == null) {
            throw new PermanentFailure("The contact has no email address to send to");
        }
        Ticket ticket = message.getTicket();
        if (message.getChannelMessageId() == null) {
            message.identifyAs(MailComposer.newMessageId(ticket == null ? 0 : ticket.getNumber(), account.address()));
        }
        List<Message> thread = em.createNamedQuery("Message.ofConversation", Message.class).setParameter("conversation", conversation).getResultList();
        // answer the last message a person wrote: never a bounce or an auto-reply, which may come later
        String inReplyTo = thread.stream().filter(m -> m.getDirection() == MessageDirection.INBOUND && !m.isAutomatic() && m.getChannelMessageId() != null)
                .max(Comparator.comparing(Message::getCreatedAt)).map(Message::getChannelMessageId).orElse(null);
        List<String> references = thread.stream().filter(m -> m != message && !m.isAutomatic() && m.getChannelMessageId() != null)
                .map(Message::getChannelMessageId).distinct().toList();
        if (references.size() > 20) {
            references = references.subList(references.size() - 20, references.size());
        }
        List<MailComposer.File> files = em.createQuery("SELECT a FROM Attachment a WHERE a.message = :m ORDER BY a.id", Attachment.class)
                .setParameter("m", message).getResultList().stream()
                .map(a -> new MailComposer.File(a.getFilename(), a.getContentType(), a.getContent())).toList();
        String ticketSubject = ticket == null ? message.getSubject() : ticket.getSubject();
        message.subjectAsSent(MailComposer.subjectOf(ticketSubject, ticket == null ? 0 : ticket.getNumber())); // store what goes out
        byte[] mime = MailComposer.compose(new MailComposer.Reply(account, message.getAuthor() == null ? null : message.getAuthor().getFullName(),
                to, contact.getFullName(), ticket == null ? 0 : ticket.getNumber(), ticketSubject,
                message.getText(), message.getSanitizedHtml(), message.getChannelMessageId(), inReplyTo, references, files));
        String secret = accounts.secretOf(account);
        String messageId = message.getChannelMessageId();
        return () -> send(account, secret, messageId, mime);
    }

    private static SendOutcome send(EmailAccount account, String secret, String messageId, byte[] raw) {
        String server = "SMTP " + account.smtp().host();
        try {
            Session session = MailSessions.smtp(account);
            MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(raw));
            try (Transport transport = session.getTransport(MailSessions.protocol("smtp", account.smtp()))) {
                transport.connect(account.username(), secret);
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            return SendOutcome.sent(messageId, raw);
        } catch (MessagingException | RuntimeException e) {
            return SmtpFailures.classify(server, e);
        }
    }
}
