package org.switchboard.channels.email.control;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last resort for a mail whose MIME structure is broken (no closing delimiter, a part boundary
 * other than the declared one, a multipart without a boundary, part headers without the blank line
 * after them) and in which the parser found no readable part: the body as plain text, with the
 * lines that are MIME's own (boundaries, part headers) left out. Text an agent can read beats "(no text)".
 */
final class BrokenMime {

    static final String NOTE = "The mail's MIME structure is broken; its body is shown as plain text";
    private static final Pattern BOUNDARY_LINE = Pattern.compile("^--[^\\s]{1,200}\\s*$");
    private static final Pattern PART_HEADER = Pattern.compile("(?i)^(content-[a-z-]+|mime-version)\\s*:.*$");
    private static final Pattern BASE64_LINE = Pattern.compile("^[A-Za-z0-9+/=]{60,}$");

    private BrokenMime() {
    }

    /** The readable text of the body, or null when there is none. */
    static String text(byte[] raw) {
        int start = RawHeaders.bodyStart(raw);
        Charset declared = RawHeaders.declaredCharset(new String(raw, 0, start, StandardCharsets.ISO_8859_1));
        String body = new String(raw, start, raw.length - start, declared == null ? StandardCharsets.UTF_8 : declared);
        List<String> kept = new ArrayList<>();
        boolean inPartHeaders = false;
        for (String line : body.split("\r?\n", -1)) {
            if (BOUNDARY_LINE.matcher(line).matches()) {
                inPartHeaders = true; // a part starts: its headers follow
                continue;
            }
            if (inPartHeaders && PART_HEADER.matcher(line).matches()) {
                continue;
            }
            if (inPartHeaders && line.isBlank()) {
                inPartHeaders = false;
                continue;
            }
            inPartHeaders = false;
            kept.add(line);
        }
        String text = String.join("\n", kept).strip();
        long encoded = kept.stream().filter(l -> BASE64_LINE.matcher(l).matches()).count();
        if (text.isEmpty() || encoded * 2 > kept.stream().filter(l -> !l.isBlank()).count()) {
            return null; // nothing, or an encoded file (e.g. one dropped for its size): not text to show
        }
        return text;
    }

}
