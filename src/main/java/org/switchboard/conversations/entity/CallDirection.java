package org.switchboard.conversations.entity;

/** Who dialled: the contact called us (inbound) or we called the contact (outbound, click-to-call included). */
public enum CallDirection {
    INBOUND, OUTBOUND
}
