package org.switchboard.channels.email.control;

import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

import org.switchboard.channels.email.control.ParsedMail.MailAddress;
import org.switchboard.inbound.control.InboundMessage.InboundAttachment;
import org.switchboard.inbound.control.InvalidPayloadException;

/**
 * Reads raw RFC 5322 mail best-effort: broken headers, unknown transfer encodings, legacy
 * charsets and missing boundaries give a message with what could be read and a note, not an
 * exception. Only mail with no usable sender address is refused ({@link InvalidPayloadException}),
 * which quarantines the journaled item with its raw bytes kept.
 */
public final class MailReader {

    /** Lenient parsing: real mail breaks every rule at some point. */
    static final Session SESSION = Session.getInstance(lenient());

    /** An address found in text when the header does not parse. */
    private static final Pattern BARE_ADDRESS = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");

    private final long attachmentLimit;

    public MailReader(long attachmentLimit) {
        this.attachmentLimit = attachmentLimit;
    }

    private static Properties lenient() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.ignoreunknownencoding", "true");
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    public ParsedMail read(byte[] raw) {
        MimeMessage mime;
        try {
            // a shared stream: the message and its parts read their bytes from this array instead of each copying theirs
            mime = new MimeMessage(SESSION, new SharedByteArrayInputStream(RawHeaders.asUtf8(raw))) {
                @Override
                protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
                    return in.markSupported() ? HeaderBlock.read(in) : super.createInternetHeaders(in);
                }
            };
        } catch (MessagingException | RuntimeException e) {
            throw new InvalidPayloadException(null, "the mail's headers cannot be read: " + e.getMessage());
        }
        MailHeaders headers = new MailHeaders(mime);
        MailBody body = new MailBody(attachmentLimit);
        body.collect(mime);
        MailAddress from = headers.sender();
        DeliveryReport report = DeliveryReport.of(mime, body);
        if (from == null && report != null) {
            // a bounce comes from the null return path ("MAILER-DAEMON <>"): it is still a bounce
            from = DeliveryReport.NULL_SENDER;
        }
        if (from == null) {
            throw new InvalidPayloadException("From", "the mail names no sender address that can be read");
        }
        String subject = headers.subject();
        MailAddress original = Forwards.originalSender(headers, subject, body);
        MailAddress resender = Forwards.resender(headers);
        if (resender != null) {
            from = resender; // Resent-From forwarded it; From is the author
        }
        String automatic = headers.automatic();
        if (report != null && automatic == null) {
            automatic = "delivery status notification";
        }
        String text = body.text();
        String html = body.html();
        List<String> notes = body.notes();
        if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
            String recovered = body.attachments().isEmpty() ? BrokenMime.text(raw) : null;
            if (recovered != null) {
                text = recovered;
                notes = new ArrayList<>(notes);
                notes.add(BrokenMime.NOTE);
            } else {
                text = body.attachments().isEmpty() ? "(no text)" : "(attachments only)";
            }
        }
        return new ParsedMail(headers.messageId(), from, original, subject, text, html, sentDate(mime),
                headers.repliedTo(), SubjectTag.ticketNumber(subject), automatic,
                report == null ? null : report.originalMessageId(), report == null ? null : report.reason(),
                body.attachments(), notes, hash(from, subject, text, html, body));
    }

    private static Instant sentDate(MimeMessage mime) {
        try {
            Date date = mime.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String hash(MailAddress from, String subject, String text, String html, MailBody body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{from.email(), subject, text, html}) {
                digest.update((part == null ? "" : part.strip()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            for (InboundAttachment attachment : body.attachments()) {
                digest.update(MessageDigest.getInstance("SHA-256").digest(attachment.content()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses one address leniently; null when nothing address-like is there. */
    static MailAddress address(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return null;
        }
        String value = headerValue.replace("\r", "").replace("\n", "");
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
            for (InternetAddress address : addresses) {
                String email = cleanEmail(address.getAddress());
                if (email != null) {
                    return new MailAddress(email, cleanName(address.getPersonal()));
                }
            }
        } catch (MessagingException | RuntimeException unparsable) {
            // fall through to the plain search below
        }
        Matcher matcher = BARE_ADDRESS.matcher(value);
        return matcher.find() ? new MailAddress(matcher.group().toLowerCase(Locale.ROOT), null) : null;
    }

    private static String cleanEmail(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.strip().toLowerCase(Locale.ROOT);
        int at = trimmed.indexOf('@');
        return at <= 0 || at == trimmed.length() - 1 || trimmed.length() > 320 || trimmed.chars().anyMatch(c -> c < 33) ? null : trimmed;
    }

    /**
     * Raw UTF-8 in headers (RFC 6532, or just sloppy software) arrives as one char per byte;
     * turns it back into the text it was when the bytes are valid UTF-8.
     */
    static String repairRawUtf8(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return value;
        }
    }

    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String decoded = repairRawUtf8(name);
        if (name.contains("=?")) {
            try {
                decoded = MimeUtility.decodeText(decoded);
            } catch (UnsupportedEncodingException | RuntimeException keepRaw) {
                // keep it as it is
            }
        }
        String oneLine = decoded.replaceAll("[\\p{Cntrl}]", " ").strip();
        if (oneLine.length() > 200) {
            oneLine = oneLine.substring(0, 200);
        }
        return oneLine.isEmpty() ? null : oneLine;
    }
}
