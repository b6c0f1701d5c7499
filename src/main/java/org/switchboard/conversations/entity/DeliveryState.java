package org.switchboard.conversations.entity;

public enum DeliveryState {
    RECEIVED, PENDING, SENT, FAILED, BOUNCED, NOT_APPLICABLE
}
