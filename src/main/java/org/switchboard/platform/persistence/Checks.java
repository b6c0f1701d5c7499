package org.switchboard.platform.persistence;

import java.util.Objects;

/** Argument checks for entity invariants; each failure names the field a user filled in. */
public final class Checks {

    private Checks() {
    }

    public static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** Null or blank becomes null; otherwise trimmed and length-checked. */
    public static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : requireText(value, field, maxLength);
    }

    public static <T> T require(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }
}
