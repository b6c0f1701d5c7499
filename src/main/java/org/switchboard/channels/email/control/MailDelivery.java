package org.switchboard.channels.email.control;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.switchboard.conversations.entity.ReplyQueued;
import org.switchboard.platform.concurrent.Background;

/**
 * Sends agents' replies of email channels over SMTP: right after the reply commits, and from the
 * schedule for retries. Each attempt first claims the message in its own transaction (so two
 * instances never send it at once), then sends, then records the outcome. Failures are retried
 * with backoff and shown on the message; the Message-ID is fixed before the first attempt, so a
 * retry after a crash between SMTP acceptance and the commit is the same message to every client.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Inject
    OutboundMail outbound;

    @Inject
    Background background;

    void onReplyQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReplyQueued queued) {
        background.execute(() -> deliver(queued.messageId()));
    }

    /** Sends what is due; returns how many were tried. */
    public int sendDue(int limit) {
        List<Long> due = outbound.due(limit);
        due.forEach(this::deliver);
        return due.size();
    }

    public void deliver(long messageId) {
        OutboundMail.Outgoing outgoing;
        try {
            outgoing = outbound.claim(messageId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reply " + messageId + " could not be prepared", e);
            return;
        }
        if (outgoing == null) {
            return; // sent, not due, claimed by someone else, or not an email reply
        }
        try {
            send(outgoing);
            outbound.sent(messageId, outgoing.messageId(), outgoing.mime());
        } catch (MessagingException | RuntimeException e) {
            String problem = ConnectionProblem.describe("SMTP " + outgoing.account().smtp().host(), e);
            LOG.warning("Reply " + messageId + " not sent: " + problem);
            outbound.failed(messageId, problem);
        }
    }

    private void send(OutboundMail.Outgoing outgoing) throws MessagingException {
        EmailAccount account = outgoing.account();
        Session session = MailSessions.smtp(account);
        MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(outgoing.mime()));
        try (Transport transport = session.getTransport(MailSessions.protocol("smtp", account.smtp()))) {
            transport.connect(account.username(), outgoing.secret());
            transport.sendMessage(mime, mime.getAllRecipients());
        }
    }

}
