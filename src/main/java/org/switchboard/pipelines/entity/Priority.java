package org.switchboard.pipelines.entity;

public enum Priority {
    LOW, MEDIUM, HIGH, URGENT
}
