package org.switchboard.channels.email.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

import org.switchboard.inbound.control.InboundMessage.InboundAttachment;

/**
 * Walks a mail's MIME tree: the text and HTML a reader sees, attachments (inline images keep
 * their Content-ID), embedded messages, and the parts of a delivery report. Every part that
 * cannot be decoded as declared is kept in the most useful form found, with a note.
 */
final class MailBody {

    private static final int MAX_DEPTH = 20;
    private static final long MAX_TEXT_BYTES = 5L * 1024 * 1024;
    /** Names mail software uses for charsets Java knows by another name. */
    private static final Map<String, String> CHARSET_ALIASES = Map.of(
            "ks_c_5601-1987", "x-windows-949", "ks_c_5601", "x-windows-949", "x-sjis", "Shift_JIS",
            "unicode-1-1-utf-7", "UTF-8", "utf-7", "UTF-8", "iso-8859-8-i", "ISO-8859-8", "gb2312", "GBK");

    private final long attachmentLimit;
    private final TextParts text = new TextParts();
    private final TextParts html = new TextParts();
    private final List<InboundAttachment> attachments = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<byte[]> embeddedMessages = new ArrayList<>();
    private String deliveryStatus;
    private String reportedHeaders;

    MailBody(long attachmentLimit) {
        this.attachmentLimit = attachmentLimit;
    }

    void collect(Part root) {
        walk(root, 0, false);
    }

    private void walk(Part part, int depth, boolean alternative) {
        if (depth > MAX_DEPTH) {
            note("Parts nested deeper than " + MAX_DEPTH + " levels were left out");
            return;
        }
        String type = baseType(part);
        try {
            if (type.startsWith("multipart/")) {
                walkMultipart(part, depth, type.equals("multipart/alternative"));
            } else if (type.equals("message/rfc822")) {
                embedded(part);
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                deliveryStatus = decodeText(part);
            } else if (type.equals("text/rfc822-headers") || type.equals("message/global-headers")) {
                reportedHeaders = decodeText(part);
            } else if (type.equals("text/html") && !isAttachment(part)) {
                if (!alternative || html.isEmpty()) {
                    html.append(decodeText(part));
                }
            } else if ((type.equals("text/plain") || type.isEmpty()) && !isAttachment(part)) {
                if (!alternative || text.isEmpty()) {
                    if (!text.isEmpty()) {
                        text.append("\n\n");
                    }
                    text.append(decodeText(part));
                }
            } else {
                attachment(part, type);
            }
        } catch (MessagingException | IOException | RuntimeException broken) {
            note("A part of type " + (type.isEmpty() ? "unknown" : type) + " could not be read: " + describe(broken));
        }
    }

    private void walkMultipart(Part part, int depth, boolean alternative) throws MessagingException, IOException {
        Object content = part.getContent();
        if (!(content instanceof Multipart multipart)) {
            // a multipart without a usable boundary: its raw text is better than nothing
            text.append(new String(readAll(part.getInputStream(), MAX_TEXT_BYTES), StandardCharsets.UTF_8));
            note("The multipart structure could not be read; its raw text is shown");
            return;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            walk(child, depth + 1, alternative);
        }
    }

    private void embedded(Part part) throws MessagingException, IOException {
        byte[] bytes = readAll(part.getInputStream(), attachmentLimit + 1);
        embeddedMessages.add(bytes);
        String name = filename(part);
        keepAttachment(name == null ? "message.eml" : name, "message/rfc822", null, bytes);
    }

    private void attachment(Part part, String type) throws MessagingException, IOException {
        String name = filename(part);
        if (name == null) {
            name = "attachment" + extensionFor(type);
        }
        byte[] bytes = readAll(part.getInputStream(), attachmentLimit + 1);
        String contentId = part instanceof MimePart mimePart ? MailIds.first(mimePart.getContentID()) : null;
        keepAttachment(name, type.isEmpty() ? "application/octet-stream" : type, contentId, bytes);
    }

    private void keepAttachment(String name, String type, String contentId, byte[] bytes) {
        if (bytes.length > attachmentLimit) {
            note("Attachment \"" + name + "\" was dropped: it is larger than the limit of " + attachmentLimit / (1024 * 1024) + " MB");
            return;
        }
        attachments.add(new InboundAttachment(name, type, contentId, bytes));
    }

    private String decodeText(Part part) throws MessagingException, IOException {
        if (quotedPrintable(part)) {
            return decodeQuotedPrintable(part, charsetOf(part));
        }
        return new String(readAll(part.getInputStream(), MAX_TEXT_BYTES), charsetOf(part));
    }

    private static boolean quotedPrintable(Part part) throws MessagingException {
        String[] encoding = part.getHeader("Content-Transfer-Encoding");
        return encoding != null && encoding.length > 0 && encoding[0] != null && encoding[0].strip().equalsIgnoreCase("quoted-printable")
                && (part instanceof MimeBodyPart || part instanceof MimeMessage);
    }

    /**
     * Decoded in one pass over the raw bytes (see {@link QuotedPrintable}) and read as text from the
     * decoder's buffer, without copying it to its length first; the text limit applies to the decoded bytes.
     */
    private static String decodeQuotedPrintable(Part part, Charset charset) throws MessagingException, IOException {
        InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream() : ((MimeMessage) part).getRawInputStream();
        byte[] encoded = readAll(raw, 3 * MAX_TEXT_BYTES); // an escape is three bytes for one
        byte[] decoded = new byte[encoded.length];
        int length = QuotedPrintable.decode(encoded, decoded);
        return new String(decoded, 0, (int) Math.min(length, MAX_TEXT_BYTES), charset);
    }

    private Charset charsetOf(Part part) {
        String declared = null;
        try {
            declared = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException unreadable) {
            // no declared charset
        }
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8; // US-ASCII by the RFC, UTF-8 in practice; ASCII reads the same
        }
        String name = declared.strip().replace("\"", "");
        String alias = CHARSET_ALIASES.get(name.toLowerCase(Locale.ROOT));
        try {
            return Charset.forName(alias != null ? alias : MimeUtility.javaCharset(name));
        } catch (RuntimeException unknown) {
            note("Unknown charset \"" + name + "\"; the text was read as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    private String filename(Part part) {
        String name;
        try {
            name = part.getFileName();
            if (name != null && name.contains("=?")) {
                name = MimeUtility.decodeText(name);
            }
        } catch (MessagingException | IOException | RuntimeException unparsable) {
            name = rawParameter(part, "Content-Disposition", "filename");
            name = name != null ? name : rawParameter(part, "Content-Type", "name");
        }
        return MailReader.cleanName(name == null ? null : name.replace('/', '_').replace('\\', '_'));
    }

    /** A parameter read straight from the header when the header does not parse (raw 8-bit names). */
    private static String rawParameter(Part part, String header, String parameter) {
        try {
            String[] values = part.getHeader(header);
            if (values == null) {
                return null;
            }
            Matcher matcher = Pattern.compile("(?i)\\b" + parameter + "\\s*=\\s*\"?([^\";\\r\\n]+)").matcher(values[0]);
            return matcher.find() ? matcher.group(1).strip() : null;
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean isAttachment(Part part) {
        String disposition;
        try {
            disposition = part.getDisposition();
        } catch (MessagingException | RuntimeException unparsable) {
            disposition = rawDisposition(part);
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return true;
        }
        if (disposition != null) {
            return false;
        }
        try {
            return part.getFileName() != null && !baseType(part).startsWith("text/");
        } catch (MessagingException | RuntimeException unparsable) {
            return false;
        }
    }

    private static String rawDisposition(Part part) {
        try {
            String[] values = part.getHeader("Content-Disposition");
            return values == null ? null : values[0].split(";", 2)[0].strip();
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    static String baseType(Part part) {
        try {
            String contentType = part.getContentType();
            if (contentType == null) {
                return "";
            }
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException unreadable) {
            return "";
        }
    }

    private static String extensionFor(String type) {
        return switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> ".bin";
        };
    }

    static byte[] readAll(InputStream in, long limit) throws IOException {
        if (in instanceof ByteArrayInputStream bytes) { // a part of a mail held in memory: its length is known, one copy
            try (in) {
                int length = (int) Math.min(bytes.available(), limit + 1);
                byte[] all = new byte[length];
                bytes.readNBytes(all, 0, length);
                return all;
            }
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total <= limit) {
                    out.write(buffer, 0, read);
                } else {
                    // keep counting past the limit without keeping the bytes; the caller sees limit + 1 bytes
                    if (out.size() < limit + 1) {
                        out.write(buffer, 0, (int) Math.min(read, limit + 1 - out.size()));
                    }
                }
            }
            return out.toByteArray();
        }
    }

    private void note(String note) {
        if (notes.size() < 20 && !notes.contains(note)) {
            notes.add(note);
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    String text() {
        return text.value();
    }

    String html() {
        return html.value();
    }

    List<InboundAttachment> attachments() {
        return attachments;
    }

    List<String> notes() {
        return notes;
    }

    List<byte[]> embeddedMessages() {
        return embeddedMessages;
    }

    String deliveryStatus() {
        return deliveryStatus;
    }

    String reportedHeaders() {
        return reportedHeaders;
    }
}
