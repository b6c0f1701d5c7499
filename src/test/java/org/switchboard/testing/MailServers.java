package org.switchboard.testing;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail's real SMTP and IMAP servers on free loopback ports, and the few things tests do with them. */
public final class MailServers implements AutoCloseable {

    private final GreenMail mail;
    private final int smtpPort;
    private final int imapPort;

    private MailServers(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        mail = new GreenMail(new ServerSetup[]{new ServerSetup(smtpPort, "127.0.0.1", "smtp"), new ServerSetup(imapPort, "127.0.0.1", "imap")});
        mail.start();
    }

    public static MailServers start() throws Exception {
        return new MailServers(freePort(), freePort());
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public void mailbox(String address, String password) {
        mail.setUser(address, address, password);
    }

    public MimeMessage newMail(String from, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        return message;
    }

    public static void send(MimeMessage message) throws Exception {
        Transport.send(message, message.getAllRecipients());
    }

    /** Every mail the SMTP server received, oldest first. */
    public MimeMessage[] received() {
        return mail.getReceivedMessages();
    }

    /** The latest mail GreenMail received for this address with this subject part, waiting for it up to {@code wait}. */
    public MimeMessage awaitDelivered(String to, String subjectPart, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage found = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to)) && m.getSubject().contains(subjectPart);
                } catch (Exception e) {
                    return false;
                }
            }).reduce((a, b) -> b).orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + to + " about " + subjectPart);
    }

    /** A TCP port nothing listens on right now. */
    public static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
