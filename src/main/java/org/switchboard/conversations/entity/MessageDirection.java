package org.switchboard.conversations.entity;

public enum MessageDirection {
    /** From the contact. */
    INBOUND,
    /** From an agent to the contact. */
    OUTBOUND,
    /** Between agents only; never delivered to the contact. */
    INTERNAL_NOTE
}
