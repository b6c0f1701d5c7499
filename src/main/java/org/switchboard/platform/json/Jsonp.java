package org.switchboard.platform.json;

import java.io.ByteArrayInputStream;
import java.io.StringReader;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * JSON-P with the provider looked up once. {@code Json.createReader} and the other static methods of
 * {@code jakarta.json.Json} call {@code JsonProvider.provider()} each time, which scans the class
 * path with a {@code ServiceLoader}: profiling Meta's webhook found 18 % of the server's CPU there.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    /** @throws jakarta.json.JsonException or {@link jakarta.json.stream.JsonParsingException} when it is not JSON */
    public static JsonObject object(byte[] json) {
        try (JsonReader reader = PROVIDER.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }

    public static JsonObject object(String json) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static JsonValue value(byte[] json) {
        try (JsonReader reader = PROVIDER.createReader(new ByteArrayInputStream(json))) {
            return reader.readValue();
        }
    }

    public static JsonValue value(String json) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    public static JsonObjectBuilder objectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }
}
