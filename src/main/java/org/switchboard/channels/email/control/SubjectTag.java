package org.switchboard.channels.email.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket tag in subjects, {@code [#1234]}: it finds the ticket when a mail client drops
 * In-Reply-To and References (Outlook does when a contact starts a "new" mail from an old one).
 */
public final class SubjectTag {

    private static final Pattern TAG = Pattern.compile("\\[#(\\d{1,12})]");

    private SubjectTag() {
    }

    public static Long ticketNumber(String subject) {
        if (subject == null) {
            return null;
        }
        Matcher matcher = TAG.matcher(subject);
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }

    /** The subject of a reply: one "Re:" and the ticket's tag, however often the thread went back and forth. */
    public static String replySubject(String subject, long ticketNumber) {
        String base = subject == null ? "" : TAG.matcher(subject).replaceAll("").strip();
        while (base.regionMatches(true, 0, "re:", 0, 3) || base.regionMatches(true, 0, "aw:", 0, 3) || base.regionMatches(true, 0, "vs:", 0, 3)) {
            base = base.substring(3).strip();
        }
        return "Re: " + base + " [#" + ticketNumber + "]";
    }
}
