package org.switchboard.channels.email.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-ID handling: extracting {@code <id>} tokens from header values, however untidy. */
public final class MailIds {

    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,400})>");
    /** How many referenced ids are considered; long References chains are cut, nearest kept. */
    static final int MAX_REFERENCES = 50;

    private MailIds() {
    }

    /** The first {@code <id>} in a header value, without brackets; a bare token when there are no brackets. */
    public static String first(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        Matcher matcher = ID.matcher(headerValue);
        if (matcher.find()) {
            return matcher.group(1);
        }
        String bare = headerValue.strip();
        return bare.isEmpty() || bare.length() > 400 || bare.chars().anyMatch(Character::isWhitespace) ? null : bare;
    }

    /** All {@code <id>}s in a header value, in order. */
    public static List<String> all(String headerValue) {
        List<String> ids = new ArrayList<>();
        if (headerValue != null) {
            Matcher matcher = ID.matcher(headerValue);
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    /**
     * The ids a mail answers, nearest first: In-Reply-To, then References from last to first.
     * Invalid entries are skipped, duplicates removed.
     */
    public static List<String> repliedTo(String inReplyTo, String references) {
        Set<String> ordered = new LinkedHashSet<>(all(inReplyTo));
        List<String> refs = all(references);
        for (int i = refs.size() - 1; i >= 0; i--) {
            ordered.add(refs.get(i));
        }
        List<String> result = new ArrayList<>(ordered);
        return result.size() > MAX_REFERENCES ? result.subList(0, MAX_REFERENCES) : result;
    }
}
