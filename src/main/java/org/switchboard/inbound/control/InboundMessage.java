package org.switchboard.inbound.control;

import java.time.Instant;

/**
 * A message as any channel delivers it, after parsing its raw payload; the one shape the intake
 * works with. {@code threadKey} null means the channel has no thread of its own: the message
 * starts a conversation of its own.
 */
public record InboundMessage(String externalId, Sender from, String subject, String text, String html,
                             Instant occurredAt, String threadKey, String language) {

    /** Who sent it; at least one identifying field is set. */
    public record Sender(String email, String phone, String name, String externalUserId) {
        public boolean identified() {
            return email != null || phone != null || externalUserId != null;
        }
    }
}
