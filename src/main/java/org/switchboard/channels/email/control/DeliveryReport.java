package org.switchboard.channels.email.control;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

/**
 * A delivery status notification (RFC 3464 {@code multipart/report; report-type=delivery-status}):
 * which of our messages did not arrive, and why.
 */
record DeliveryReport(String originalMessageId, String reason) {

    /** Who a bounce from the null return path is from: the mail system, not a person. */
    static final ParsedMail.MailAddress NULL_SENDER = new ParsedMail.MailAddress("mailer-daemon@invalid", "Mail Delivery System");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(.+)$");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");
    private static final Pattern RECIPIENT = Pattern.compile("(?im)^Final-Recipient:\\s*(?:rfc822;)?\\s*(.+)$");

    /** The report in this mail, or null when it is not a delivery status notification. */
    static DeliveryReport of(MimeMessage mime, MailBody body) {
        if (!isReport(mime) && body.deliveryStatus() == null) {
            return null;
        }
        String originalId = null;
        if (body.reportedHeaders() != null) {
            Matcher matcher = MESSAGE_ID.matcher(body.reportedHeaders());
            originalId = matcher.find() ? MailIds.first(matcher.group(1)) : null;
        }
        if (originalId == null && !body.embeddedMessages().isEmpty()) {
            try {
                MimeMessage original = new MimeMessage(MailReader.SESSION, new ByteArrayInputStream(body.embeddedMessages().get(0)));
                originalId = new MailHeaders(original).messageId();
            } catch (MessagingException | RuntimeException unreadable) {
                originalId = null;
            }
        }
        return new DeliveryReport(originalId, reason(body.deliveryStatus()));
    }

    private static boolean isReport(MimeMessage mime) {
        try {
            ContentType type = new ContentType(mime.getContentType());
            String reportType = type.getParameter("report-type");
            return type.getBaseType().equalsIgnoreCase("multipart/report") && reportType != null
                    && reportType.toLowerCase(Locale.ROOT).contains("delivery-status");
        } catch (MessagingException | RuntimeException unreadable) {
            return false;
        }
    }

    private static String reason(String status) {
        if (status == null) {
            return "Delivery failed (no status given)";
        }
        StringBuilder reason = new StringBuilder("Delivery failed");
        Matcher recipient = RECIPIENT.matcher(status);
        if (recipient.find()) {
            reason.append(" to ").append(recipient.group(1).strip());
        }
        Matcher code = STATUS.matcher(status);
        if (code.find()) {
            reason.append(", status ").append(code.group(1));
        }
        Matcher diagnostic = DIAGNOSTIC.matcher(status);
        if (diagnostic.find()) {
            reason.append(": ").append(diagnostic.group(1).strip());
        }
        return reason.length() > 1900 ? reason.substring(0, 1900) : reason.toString();
    }
}
