package org.switchboard.inbound.control;

/** What an inbound message became. {@code ticketId} is null for channels that feed a shared inbox. */
public record IntakeResult(Long ticketId, long conversationId, long messageId, boolean duplicate, boolean needsRouting) {
}
