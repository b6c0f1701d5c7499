package org.switchboard.tickets.control;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a channel's ticket name and description templates: {@code {{subject}}},
 * {@code {{contact.name}}}, {@code {{contact.email}}}, {@code {{channel.name}}}, {@code {{text}}}.
 * Unknown placeholders are left as they are, so a typo shows instead of vanishing.
 */
public final class TicketTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z.]+)\\s*}}");

    private TicketTemplates() {
    }

    public static String render(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    /** A subject for messages without one: the first line of the text, shortened. */
    public static String subjectFromText(String subject, String text) {
        if (subject != null && !subject.isBlank()) {
            return oneLine(subject);
        }
        if (text == null || text.isBlank()) {
            return "(no subject)";
        }
        String first = oneLine(text.strip().lines().findFirst().orElse(""));
        return first.length() > 80 ? first.substring(0, 79) + "…" : first;
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
