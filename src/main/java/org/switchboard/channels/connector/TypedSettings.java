package org.switchboard.channels.connector;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/**
 * A kind's settings (a record) as the JSON stored in {@code channels.type_settings}, through
 * JSON-B: field names are the record's components, absent fields stay null. Secrets inside are
 * sealed by the kind before they get here.
 */
public final class TypedSettings {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private TypedSettings() {
    }

    public static String write(Object settings) {
        return settings == null ? null : JSON.toJson(settings);
    }

    /** The stored settings, null when none; an unreadable text is an {@link IllegalStateException} that says what to do. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.fromJson(json, type);
        } catch (JsonbException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("The stored channel settings are not readable; connect the channel again", unreadable);
        }
    }
}
