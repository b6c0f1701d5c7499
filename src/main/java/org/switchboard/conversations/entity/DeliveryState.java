package org.switchboard.conversations.entity;

/**
 * Where a message stands. Outbound: PENDING (queued) → SENT → DELIVERED → READ, never backwards;
 * or FAILED (with the reason) / BOUNCED. Inbound messages are RECEIVED; notes NOT_APPLICABLE.
 */
public enum DeliveryState {
    RECEIVED, PENDING, SENT, DELIVERED, READ, FAILED, BOUNCED, NOT_APPLICABLE;

    /** How far an outbound message has come; a status never lowers it. */
    int progress() {
        return switch (this) {
            case PENDING -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            default -> -1;
        };
    }
}
