package org.switchboard.channels.chat.control;

import java.nio.charset.StandardCharsets;

import org.switchboard.channels.connector.TypedSettings;

/**
 * A visitor's message as it is journaled: the visitor (as their token said, never as the browser
 * claims), the widget's own id for the message, and the text. The journal key is
 * {@link #key()}, so the widget sending the same message again after a reconnect is one message.
 * {@code awayReplyTo} is set when the visitor wrote while the team was away: the address the answer
 * goes to by email (the key then starts {@code chat-away:}, so the conversation knows to answer by email).
 */
public record ChatPayload(String visitorId, boolean verified, String email, String name, String clientId, String text,
                          String language, String sentAt, String awayReplyTo) {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.chat+json";

    public static final String AWAY_PREFIX = "chat-away:";

    public String key() {
        return (awayReplyTo != null ? AWAY_PREFIX : "chat:") + visitorId + ":" + clientId;
    }

    public boolean away() {
        return awayReplyTo != null;
    }

    public byte[] toJson() {
        return TypedSettings.write(this).getBytes(StandardCharsets.UTF_8);
    }

    public static ChatPayload fromJson(byte[] raw) {
        return TypedSettings.read(new String(raw, StandardCharsets.UTF_8), ChatPayload.class);
    }
}
