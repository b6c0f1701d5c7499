package org.switchboard.conversations.entity;

/** An outbound message was stored for delivery; its channel's delivery sends it once the transaction commits. */
public record ReplyQueued(long messageId) {
}
