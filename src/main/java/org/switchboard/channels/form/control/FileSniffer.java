package org.switchboard.channels.form.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** What an uploaded file is, by its first bytes; the visitor's declared type and file name are not trusted. */
public final class FileSniffer {

    /** What a form accepts by default: documents and pictures an agent can open safely. */
    public static final Set<String> ACCEPTED = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain");

    private FileSniffer() {
    }

    public static String typeOf(byte[] content) {
        if (starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (starts(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        if (starts(content, "GIF87a".getBytes(StandardCharsets.US_ASCII)) || starts(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (content.length >= 12 && starts(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        return isPlainText(content) ? "text/plain" : "application/octet-stream";
    }

    /** UTF-8 without NUL or other control characters than tab and line breaks; markup is text too, but never shown as a page. */
    private static boolean isPlainText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
