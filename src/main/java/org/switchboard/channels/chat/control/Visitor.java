package org.switchboard.channels.chat.control;

/**
 * Who is chatting: a random id for an anonymous visitor, or the host site's own user id when the site
 * vouched for it with the channel's identity secret ({@code verified}). Email and name come from the
 * host site (verified visitors) and are null for anonymous ones.
 */
public record Visitor(long channelId, String id, boolean verified, String email, String name) {

    /** The conversation's thread key on the channel: one open conversation per visitor and channel. */
    public String threadKey() {
        return "chat:" + id;
    }

    /** The live-events topic a visitor's widgets wait on. */
    public static String topic(long channelId, String visitorId) {
        return "chat:" + channelId + ":" + visitorId;
    }

    public String topic() {
        return topic(channelId, id);
    }
}
