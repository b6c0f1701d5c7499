package org.switchboard.channels.email.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header bytes that are not UTF-8. RFC 6532 allows UTF-8 in headers, and that is how the parser
 * reads raw 8-bit bytes; but old mailers still write names such as "Jörg Müller" in Latin-1,
 * which would become U+FFFD. When the header block is not valid UTF-8 it is read in the body's
 * declared charset, else windows-1252 (a superset of Latin-1 that mailers mean by it), and handed
 * on as UTF-8.
 */
final class RawHeaders {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:+-]+)");
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private RawHeaders() {
    }

    static byte[] asUtf8(byte[] raw) {
        int end = headerEnd(raw);
        boolean eightBit = false;
        for (int i = 0; i < end && !eightBit; i++) {
            eightBit = raw[i] < 0;
        }
        if (!eightBit || isUtf8(raw, end)) {
            return raw;
        }
        String block = new String(raw, 0, end, charsetOf(new String(raw, 0, end, StandardCharsets.ISO_8859_1)));
        byte[] headers = block.getBytes(StandardCharsets.UTF_8);
        byte[] result = Arrays.copyOf(headers, headers.length + raw.length - end);
        System.arraycopy(raw, end, result, headers.length, raw.length - end);
        return result;
    }

    /** The body's declared charset when Java knows it and it is not UTF-8 (which these bytes are not); else windows-1252. */
    private static Charset charsetOf(String latin1Headers) {
        Charset declared = declaredCharset(latin1Headers);
        return declared == null || declared.equals(StandardCharsets.UTF_8) || declared.equals(StandardCharsets.US_ASCII) ? FALLBACK : declared;
    }

    /** The first {@code charset=} parameter in these headers that Java knows; null when none. */
    static Charset declaredCharset(String latin1Headers) {
        Matcher declared = CHARSET.matcher(latin1Headers);
        if (declared.find()) {
            try {
                return Charset.forName(declared.group(1));
            } catch (RuntimeException unknown) {
                return null;
            }
        }
        return null;
    }

    private static boolean isUtf8(byte[] raw, int end) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 0, end));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** Where the body starts: after the blank line that ends the headers; the mail's length when there is none. */
    static int bodyStart(byte[] raw) {
        int end = headerEnd(raw);
        if (end >= raw.length) {
            return raw.length;
        }
        return raw[end] == '\r' ? Math.min(end + 2, raw.length) : end + 1;
    }

    /** Where the header block ends (its blank line), or the whole mail when there is none. */
    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return raw.length;
    }
}
