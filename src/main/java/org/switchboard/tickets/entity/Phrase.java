package org.switchboard.tickets.entity;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a timeline entry's text kept as data: a key of the texts bundle and its named
 * arguments, so that each reader sees it in their own language. The bundle's pattern names the
 * arguments in braces ({@code "Assigned to {agent}"}); {@code {items}} stands for the nested
 * phrases, joined with the bundle's list separator. Arguments are data (names, numbers, a
 * server's own words) and are never translated.
 */
public record Phrase(String key, Map<String, String> args, List<Phrase> items) implements Serializable {

    /** The key of a phrase that shows its {@code text} argument as it is (a server's reply, an old sentence). */
    public static final String VERBATIM = "timeline.verbatim";

    public Phrase {
        args = args == null ? Map.of() : Map.copyOf(args);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * @param nameValuePairs argument names and values, alternating; a null value becomes ""
     */
    public static Phrase of(String key, Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("Arguments come in name/value pairs: " + key);
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object value = nameValuePairs[i + 1];
            args.put(String.valueOf(nameValuePairs[i]), value == null ? "" : String.valueOf(value));
        }
        return new Phrase(key, args, List.of());
    }

    public static Phrase verbatim(String text) {
        return of(VERBATIM, "text", text);
    }

    public Phrase with(List<Phrase> nested) {
        return new Phrase(key, args, nested);
    }
}
