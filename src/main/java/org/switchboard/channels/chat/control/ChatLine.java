package org.switchboard.channels.chat.control;

import java.time.Instant;

/**
 * One message as the widget shows it: its place in the conversation, who wrote it (the visitor,
 * an agent by name, or the team's automatic messages), the text and, for the team's messages,
 * how far delivery got; the visitor's own lines carry the widget's id for them ({@code clientId}). Agents' internal notes never become lines.
 */
public record ChatLine(int seq, String from, String author, String text, Instant at, String state, String clientId) {

    public static final String VISITOR = "visitor";
    public static final String AGENT = "agent";
    public static final String BOT = "bot";
}
