package org.switchboard.inbound.control;

import org.switchboard.conversations.entity.Message;

/**
 * What an inbound message became. {@code ticketId} is null for channels that feed a shared inbox.
 * An ignored message (automatic mail that answers nothing of ours) has no ids, only {@code ignoredBecause}.
 */
public record IntakeResult(Long ticketId, Long conversationId, Long messageId, boolean duplicate, boolean needsRouting,
                           String ignoredBecause, boolean newTicket) {

    public IntakeResult(Long ticketId, long conversationId, long messageId, boolean duplicate, boolean needsRouting) {
        this(ticketId, conversationId, (Long) messageId, duplicate, needsRouting, null, false);
    }

    /** A message that was there before this attempt. */
    static IntakeResult existing(Message message) {
        return new IntakeResult(message.getTicket() == null ? null : message.getTicket().getId(),
                message.getConversation().getId(), message.getId(), true, false);
    }

    /** The same outcome as seen by a later copy of the message: nothing new was made for it. */
    IntakeResult asRepeat() {
        return new IntakeResult(ticketId, conversationId, messageId, true, false, ignoredBecause, false);
    }

    static IntakeResult ignored(String reason) {
        return new IntakeResult(null, null, null, false, false, reason, false);
    }

    /** The same outcome, with the ticket sent to routing now or held (an automation talking to the contact first). */
    public IntakeResult withRouting(boolean routeNow) {
        return new IntakeResult(ticketId, conversationId, messageId, duplicate, routeNow, ignoredBecause, newTicket);
    }

    public boolean ignored() {
        return ignoredBecause != null;
    }
}
