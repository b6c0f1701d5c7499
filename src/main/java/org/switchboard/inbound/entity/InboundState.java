package org.switchboard.inbound.entity;

public enum InboundState {
    /** Stored, waiting for (another) processing attempt. */
    PENDING,
    /** Became a message; never processed again. */
    PROCESSED,
    /** Failed too often or cannot ever succeed; waits for an admin. */
    QUARANTINED
}
