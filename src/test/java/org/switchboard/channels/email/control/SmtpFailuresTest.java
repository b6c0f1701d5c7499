package org.switchboard.channels.email.control;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.switchboard.outbound.control.SendOutcome;
import org.switchboard.testing.RefusingSmtpServer;

/** Email's sending contract: which SMTP failures end a reply at once, with the server's words, and which are retried. */
class SmtpFailuresTest {

    @Test
    void anUnknownRecipientFailsAtOnceWithTheServersText() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown")) {
            SendOutcome.Permanent refused = assertInstanceOf(SendOutcome.Permanent.class, SmtpFailures.classify("SMTP localhost", send(server.port())));
            assertTrue(refused.reason().contains("550 5.1.1") && refused.reason().contains("User unknown"), refused.reason());
        }
    }

    @Test
    void aTemporaryRefusalIsRetried() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("451 4.7.1 <nobody@example.com>: Recipient address rejected: greylisted")) {
            SendOutcome.Transient later = assertInstanceOf(SendOutcome.Transient.class, SmtpFailures.classify("SMTP localhost", send(server.port())));
            assertTrue(later.reason().contains("greylisted") || later.reason().contains("451"), later.reason());
        }
    }

    @Test
    void aServerThatIsDownIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertInstanceOf(SendOutcome.Transient.class, SmtpFailures.classify("SMTP localhost", send(closedPort)));
    }

    private static MessagingException send(int port) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        Session session = Session.getInstance(properties);
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress("support@example.com"));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress("nobody@example.com"));
        mime.setSubject("Re: printer");
        mime.setText("Hello");
        try {
            Transport.send(mime);
        } catch (MessagingException refused) {
            return refused;
        }
        throw new AssertionError("the server accepted the mail");
    }
}
