package org.switchboard.identity.entity;

/** Whether an agent takes new tickets now; routing honours it at once. */
public enum Availability {
    AVAILABLE, AWAY
}
