package org.switchboard.channels.email.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds the MIME of an agent's reply: From name and address as the channel shows them, the
 * ticket tag in the subject, our own Message-ID, In-Reply-To and References so the contact's mail
 * client threads it, the team signature, attachments. Every header value is one line: CR and LF
 * are removed from names and subjects before they reach a header, so nothing can inject one.
 */
public final class MailComposer {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailComposer() {
    }

    /** What a reply is made of. */
    public record Reply(EmailAccount account, String agentFullName, String toEmail, String toName, long ticketNumber,
                        String ticketSubject, String text, String html, String messageId, String inReplyTo,
                        List<String> references, List<File> files) {
    }

    public record File(String filename, String contentType, byte[] content) {
    }

    /** The Message-ID for a reply of a ticket, in the channel address's domain. */
    public static String newMessageId(long ticketNumber, String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        return "sb." + ticketNumber + "." + UUID.randomUUID().toString().replace("-", "") + "@" + domain;
    }

    public static byte[] compose(Reply reply) {
        try {
            MimeMessage mime = new FixedIdMessage(SESSION, reply.messageId());
            EmailAccount account = reply.account();
            String fromName = SenderLook.fromName(account.fromNameMode(), account.companyName(), reply.agentFullName());
            mime.setFrom(address(account.address(), fromName));
            mime.setRecipient(Message.RecipientType.TO, address(reply.toEmail(), reply.toName()));
            mime.setSubject(subjectOf(reply.ticketSubject(), reply.ticketNumber()), "UTF-8");
            mime.setSentDate(new Date());
            if (reply.inReplyTo() != null) {
                mime.setHeader("In-Reply-To", "<" + oneToken(reply.inReplyTo()) + ">");
            }
            if (!reply.references().isEmpty()) {
                StringBuilder references = new StringBuilder();
                for (String reference : reply.references()) {
                    references.append(references.isEmpty() ? "" : " ").append('<').append(oneToken(reference)).append('>');
                }
                mime.setHeader("References", MimeUtility.fold(12, references.toString()));
            }
            mime.setHeader("X-Loop", account.address());
            mime.setHeader("Auto-Submitted", "no");
            String signatureText = SenderLook.signatureText(account.signature(), account.signatureHtml(), reply.agentFullName());
            String signatureHtml = SenderLook.signatureHtml(account.signature(), account.signatureHtml(), reply.agentFullName());
            String text = reply.text() + (signatureText == null ? "" : "\n\n-- \n" + signatureText);
            MimeMultipart body = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            body.addBodyPart(plain);
            MimeBodyPart html = new MimeBodyPart();
            String htmlBody = reply.html() != null ? reply.html() : SenderLook.escape(reply.text()).replace("\n", "<br>");
            html.setText("<div>" + htmlBody + "</div>" + (signatureHtml == null ? "" : "<div class=\"signature\">-- <br>" + signatureHtml + "</div>"),
                    "UTF-8", "html");
            body.addBodyPart(html);
            if (reply.files().isEmpty()) {
                mime.setContent(body);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart alternatives = new MimeBodyPart();
                alternatives.setContent(body);
                mixed.addBodyPart(alternatives);
                for (File file : reply.files()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                    part.setFileName(SenderLook.oneLine(file.filename()));
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                mime.setContent(mixed);
            }
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The reply cannot be composed: " + e.getMessage(), e);
        }
    }

    private static InternetAddress address(String email, String name) throws UnsupportedEncodingException, MessagingException {
        InternetAddress address = new InternetAddress(SenderLook.oneLine(email), true);
        String personal = SenderLook.oneLine(name);
        return personal == null ? address : new InternetAddress(address.getAddress(), personal, StandardCharsets.UTF_8.name());
    }

    private static String oneToken(String id) {
        return id.replaceAll("[\\s<>]", "");
    }

    /** Keeps the Message-ID we chose: {@code saveChanges} would otherwise make up a new one on every attempt. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = oneToken(id);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }

    /** The subject a reply goes out with: "Re: " and the ticket's tag, on one line. */
    public static String subjectOf(String ticketSubject, long ticketNumber) {
        return SenderLook.oneLine(SubjectTag.replySubject(ticketSubject, ticketNumber));
    }
}
