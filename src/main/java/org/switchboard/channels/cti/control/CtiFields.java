package org.switchboard.channels.cti.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.switchboard.calls.control.FormBody;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.platform.json.Jsonp;

/**
 * The fields of one CTI event as the phone system posted them — a form ({@code event=newCall&user[]=Anna})
 * or JSON ({@code {"event":"newCall","user":["Anna"]}}) — read into one shape: name → values. Repeated
 * form fields and JSON arrays give several values; {@code user[]} and {@code user} are one field.
 */
public record CtiFields(Map<String, List<String>> values) {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    /** @throws InvalidPayloadException naming the body when it is neither a form nor a JSON object */
    public static CtiFields read(byte[] raw, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (type.startsWith(JSON)) {
            JsonObject object;
            try {
                JsonValue value = Jsonp.value(raw);
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new InvalidPayloadException(null, "The body is JSON but not an object");
                }
                object = value.asJsonObject();
            } catch (jakarta.json.JsonException | IllegalStateException invalid) {
                throw new InvalidPayloadException(null, "The body is not valid JSON: " + invalid.getMessage());
            }
            object.forEach((name, value) -> values.put(name(name), strings(value)));
        } else if (type.startsWith(FORM)) {
            FormBody.parse(raw).forEach((name, list) -> values.computeIfAbsent(name(name), k -> new ArrayList<>()).addAll(list));
        } else {
            throw new InvalidPayloadException(null, "Send the event as " + FORM + " or " + JSON);
        }
        return new CtiFields(values);
    }

    /** The first non-blank value, stripped; null when absent. */
    public String first(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static String name(String raw) {
        return raw.endsWith("[]") ? raw.substring(0, raw.length() - 2) : raw;
    }

    private static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> out.addAll(strings(item)));
        } else if (value instanceof JsonString text) {
            out.add(text.getString());
        } else if (value.getValueType() == JsonValue.ValueType.NUMBER || value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            out.add(value.toString()); // a number sent as a JSON number: 4930…
        }
        return out;
    }
}
