package org.switchboard.inbound.control;

import org.switchboard.conversations.entity.Message;

/** What an inbound message became. {@code ticketId} is null for channels that feed a shared inbox. */
public record IntakeResult(Long ticketId, long conversationId, long messageId, boolean duplicate, boolean needsRouting) {

    /** A message that was there before this attempt. */
    static IntakeResult existing(Message message) {
        return new IntakeResult(message.getTicket() == null ? null : message.getTicket().getId(),
                message.getConversation().getId(), message.getId(), true, false);
    }
}
