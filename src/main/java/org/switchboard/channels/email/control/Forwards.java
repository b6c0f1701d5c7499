package org.switchboard.channels.email.control;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.switchboard.channels.email.control.ParsedMail.MailAddress;

/**
 * Finds who wrote a forwarded mail: {@code Resent-From} (the From is then the author), a
 * forwarded message attached as {@code message/rfc822}, or an inline forward block as Gmail,
 * Outlook, Apple Mail and Thunderbird write it.
 */
final class Forwards {

    private static final Pattern FORWARD_SUBJECT = Pattern.compile("^\\s*(fwd?|fw|wg|vs|tr|rv|doorst)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final List<String> INLINE_MARKERS = List.of(
            "---------- forwarded message", "begin forwarded message:", "-------- forwarded message --------",
            "-------- original message --------", "-----original message-----", "---------- välitetty viesti",
            "-------- weitergeleitete nachricht");
    private static final Pattern FROM_LINE = Pattern.compile("(?im)^\\s*\\*?(from|von|lähettäjä|de)\\*?:\\s*(.+)$");

    private Forwards() {
    }

    static MailAddress originalSender(MailHeaders headers, String subject, MailBody body) {
        if (headers.header("Resent-From") != null) {
            return MailReader.address(headers.header("From"));
        }
        boolean forwardSubject = subject != null && FORWARD_SUBJECT.matcher(subject).find();
        if (forwardSubject && !body.embeddedMessages().isEmpty()) {
            try {
                MimeMessage original = new MimeMessage(MailReader.SESSION, new ByteArrayInputStream(body.embeddedMessages().get(0)));
                MailAddress author = new MailHeaders(original).sender();
                if (author != null) {
                    return author;
                }
            } catch (MessagingException | RuntimeException unreadable) {
                // try the inline block
            }
        }
        String text = body.text();
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String marker : INLINE_MARKERS) {
            int at = lower.indexOf(marker);
            boolean originalMessage = marker.contains("original message");
            if (at >= 0 && (!originalMessage || forwardSubject)) {
                Matcher from = FROM_LINE.matcher(text.substring(at, Math.min(text.length(), at + 2000)));
                if (from.find()) {
                    return MailReader.address(from.group(2));
                }
            }
        }
        return null;
    }

    /** Resent-From names the forwarder; when present, the From header is the original author. */
    static MailAddress resender(MailHeaders headers) {
        return MailReader.address(headers.header("Resent-From"));
    }
}
