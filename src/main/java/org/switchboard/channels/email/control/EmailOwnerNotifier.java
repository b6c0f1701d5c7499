package org.switchboard.channels.email.control;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.concurrent.Background;
import org.switchboard.routing.control.OwnerNotifier;

/**
 * Tells an away contact owner by email that a ticket waits for them: sent through the ticket's own
 * team email channel, or else the first enabled one that can send; on a background thread, so
 * the routing transaction never waits for SMTP.
 */
@ApplicationScoped
public class EmailOwnerNotifier implements OwnerNotifier {

    private static final Logger LOG = Logger.getLogger(EmailOwnerNotifier.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Background background;

    @Inject
    EmailChannelService accounts;

    @Override
    public boolean notifyOwnerAway(Long channelId, String ownerEmail, String ownerName, long ticketNumber, String subject, String contactName) {
        try {
            EmailAccount own = channelId == null ? null : accounts.account(channelId);
            EmailAccount sender = own != null && own.canSend() ? own
                    : em.createQuery("SELECT c FROM Channel c WHERE c.type = :email AND c.enabled = TRUE ORDER BY c.id", Channel.class)
                    .setParameter("email", EmailConnector.KIND).getResultStream()
                    .map(c -> EmailAccountJson.readIfValid(c.getTypeSettings())).filter(a -> a != null && a.canSend()).findFirst().orElse(null);
            if (sender == null) {
                return false;
            }
            String secret = accounts.secretOf(sender);
            background.execute(() -> send(sender, secret, ownerEmail, ownerName, ticketNumber, subject, contactName));
            return true;
        } catch (RuntimeException e) {
            // routing goes on without the notification; the timeline says the owner could not be notified
            LOG.log(Level.WARNING, "Owner notification for #" + ticketNumber + " not handed over", e);
            return false;
        }
    }

    private static void send(EmailAccount account, String secret, String to, String toName, long ticketNumber, String subject, String contactName) {
        try {
            Session session = MailSessions.smtp(account);
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(account.address(), SenderLook.oneLine(account.companyName() == null ? "Switchboard" : account.companyName() + " help desk"), "UTF-8"));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to, SenderLook.oneLine(toName), "UTF-8"));
            mime.setSubject(SenderLook.oneLine("[#" + ticketNumber + "] waits for you: " + subject), "UTF-8");
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Loop", account.address());
            mime.setText("Ticket #" + ticketNumber + " from your contact " + contactName + " waits for you.\n"
                    + "You are away, so it was not assigned to anyone else and stays unassigned until you are back.\n", "UTF-8");
            try (Transport transport = session.getTransport(MailSessions.protocol("smtp", account.smtp()))) {
                transport.connect(account.username(), secret);
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Owner notification for #" + ticketNumber + " not sent: " + ConnectionProblem.describe("SMTP", e));
        }
    }
}
