package org.switchboard.tickets.entity;

public enum Priority {
    LOW, MEDIUM, HIGH, URGENT
}
