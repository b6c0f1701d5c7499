package org.switchboard.inbound.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.switchboard.contacts.control.Sender;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.platform.validation.OneLine;
import org.switchboard.platform.validation.SingleLine;
import org.switchboard.platform.json.Jsonp;

/**
 * The generic channel message of {@code POST /api/v1/channels/{key}/messages}:
 * {@code {externalId, from: {email?, phone?, name?, externalUserId?}, subject?, text, html?,
 * occurredAt?, threadKey?, language?, attachments?: [{name, contentType?, contentBase64}]}}. Every
 * problem names its field.
 */
@ApplicationScoped
public class GenericMessageParser implements PayloadParser {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.message+json";
    private static final int MAX_ATTACHMENTS = 20;
    /** A message older than this, or dated more than a day ahead (clocks differ, time zones get mixed up), is a mistake. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final java.time.Duration LATEST_AHEAD = java.time.Duration.ofDays(1);
    private static final java.util.regex.Pattern MEDIA_TYPE = java.util.regex.Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?");

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] payload) {
        JsonObject json;
        try {
            JsonValue value = Jsonp.value(payload);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidPayloadException(null, "the body must be a JSON object");
            }
            json = value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidPayloadException(null, "the body is not valid JSON");
        }
        String externalId = required(json, "externalId", 500);
        JsonValue fromValue = json.get("from");
        if (fromValue == null || fromValue.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidPayloadException("from", "must be an object with email, phone, name or externalUserId");
        }
        JsonObject from = fromValue.asJsonObject();
        String email = optional(from, "email", 320, "from.email");
        if (email != null) {
            try {
                email = Contact.normalizeEmail(email);
            } catch (IllegalArgumentException e) {
                throw new InvalidPayloadException("from.email", "is not an email address");
            }
        }
        String phone = optional(from, "phone", 40, "from.phone");
        if (phone != null) {
            try {
                phone = Contact.normalizePhone(phone);
            } catch (IllegalArgumentException e) {
                throw new InvalidPayloadException("from.phone", "is not a phone number");
            }
        }
        Sender sender = new Sender(email, phone, optional(from, "name", 200, "from.name"),
                optional(from, "externalUserId", 200, "from.externalUserId"));
        if (!sender.identified()) {
            throw new InvalidPayloadException("from", "needs email, phone or externalUserId");
        }
        String text = optional(json, "text", 1_000_000, "text");
        String html = optional(json, "html", 2_000_000, "html");
        if (text == null && html == null) {
            throw new InvalidPayloadException("text", "must not be empty (or send html)");
        }
        Instant occurredAt = null;
        String occurred = optional(json, "occurredAt", 64, "occurredAt");
        if (occurred != null) {
            try {
                occurredAt = Instant.parse(occurred);
            } catch (DateTimeParseException e) {
                throw new InvalidPayloadException("occurredAt", "must be an ISO-8601 instant such as 2026-11-25T10:15:30Z");
            }
            if (occurredAt.isBefore(EARLIEST) || occurredAt.isAfter(Instant.now().plus(LATEST_AHEAD))) {
                throw new InvalidPayloadException("occurredAt", "must lie between 1970 and one day from now");
            }
        }
        return new InboundMessage(externalId, sender, optional(json, "subject", 1000, "subject"), text, html, occurredAt,
                optional(json, "threadKey", 400, "threadKey"), optional(json, "language", 35, "language"), null, attachments(json), null);
    }

    /** Files sent inline as base64: {@code attachments: [{name, contentType?, contentBase64}]}. */
    private static List<InboundMessage.InboundAttachment> attachments(JsonObject json) {
        JsonValue value = json.get("attachments");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidPayloadException("attachments", "must be an array of {name, contentType, contentBase64}");
        }
        JsonArray files = value.asJsonArray();
        if (files.size() > MAX_ATTACHMENTS) {
            throw new InvalidPayloadException("attachments", "must be at most " + MAX_ATTACHMENTS + " files");
        }
        List<InboundMessage.InboundAttachment> parsed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String at = "attachments[" + i + "]";
            if (files.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidPayloadException(at, "must be an object {name, contentType, contentBase64}");
            }
            JsonObject file = files.getJsonObject(i);
            String name = optional(file, "name", 255, at + ".name");
            if (name == null) {
                throw new InvalidPayloadException(at + ".name", "is required");
            }
            String type = optional(file, "contentType", 255, at + ".contentType");
            if (type != null && !MEDIA_TYPE.matcher(type).matches()) {
                throw new InvalidPayloadException(at + ".contentType", "is not a media type such as image/png");
            }
            String encoded = optional(file, "contentBase64", Integer.MAX_VALUE, at + ".contentBase64");
            if (encoded == null) {
                throw new InvalidPayloadException(at + ".contentBase64", "is required");
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(encoded.replaceAll("\\s", "")); // line breaks allowed, nothing else
            } catch (IllegalArgumentException notBase64) {
                throw new InvalidPayloadException(at + ".contentBase64", "is not base64");
            }
            parsed.add(new InboundMessage.InboundAttachment(name, type == null ? "application/octet-stream" : type, null, content));
        }
        return parsed;
    }

    private static String required(JsonObject json, String field, int max) {
        String value = optional(json, field, max, field);
        if (value == null) {
            throw new InvalidPayloadException(field, "is required");
        }
        return value;
    }

    private static String optional(JsonObject json, String field, int max, String name) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidPayloadException(name, "must be a string");
        }
        String text = string.getString().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            throw new InvalidPayloadException(name, "must be at most " + max + " characters");
        }
        if (max <= 1000 && !SingleLine.test(text)) {
            throw new InvalidPayloadException(name, OneLine.PROBLEM);
        }
        return text;
    }
}
