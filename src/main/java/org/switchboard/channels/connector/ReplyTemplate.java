package org.switchboard.channels.connector;

import java.util.List;

/**
 * A message the provider allows where free text is not (WhatsApp's approved templates outside its
 * 24-hour window): the kind's id for it, what agents see ({@code label}, {@code language}), the body
 * with numbered places {@code {{1}}}, {@code {{2}}} … and how many values it takes.
 */
public record ReplyTemplate(String id, String label, String language, String body, int parameters) {

    /** The body as the contact will read it, with the values in their places. */
    public String render(List<String> values) {
        String text = body;
        for (int i = 0; i < values.size(); i++) {
            text = text.replace("{{" + (i + 1) + "}}", values.get(i));
        }
        return text;
    }
}
