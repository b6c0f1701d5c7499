package org.switchboard.channels.chat.control;

import java.time.Instant;
import java.util.List;

/**
 * One message as the widget shows it: its place in the conversation, who wrote it (the visitor,
 * an agent by name, or the team's automatic messages), the text and, for the team's messages,
 * how far delivery got; the visitor's own lines carry the widget's id for them ({@code clientId}). Agents' internal notes never become lines.
 * A bot's question that waits for an answer carries its {@code buttons} (in the visitor's language); null otherwise.
 */
public record ChatLine(int seq, String from, String author, String text, Instant at, String state, String clientId, List<String> buttons) {

    public ChatLine withButtons(List<String> labels) {
        return new ChatLine(seq, from, author, text, at, state, clientId, labels);
    }

    public static final String VISITOR = "visitor";
    public static final String AGENT = "agent";
    public static final String BOT = "bot";
}
