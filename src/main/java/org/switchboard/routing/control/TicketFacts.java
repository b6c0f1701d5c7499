package org.switchboard.routing.control;

import java.util.Locale;

/** The properties of a new ticket that routing conditions look at. */
public record TicketFacts(String language, String category, String subject, String text, Long contactOwnerId) {

    /** Whether subject or text contains the (lower-case) keyword. */
    boolean mentions(String keyword) {
        return contains(subject, keyword) || contains(text, keyword);
    }

    private static boolean contains(String haystack, String keyword) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(keyword);
    }
}
