package org.switchboard.channels.whatsapp.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.contacts.control.Sender;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InboundMessage.ChannelFacts;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.inbound.control.PayloadParser;
import org.switchboard.tickets.control.TicketTemplates;
import org.switchboard.platform.json.Jsonp;

/**
 * One WhatsApp message of a journaled webhook body → a message in the customer's conversation
 * (thread key {@code wa:<wa_id>}, one per customer and channel), the contact by phone number in
 * E.164 and named by their WhatsApp profile. Text, media (caption and what the file is), location,
 * shared contacts, button and list replies, reactions; a quoted reply names the message it answers.
 * An event that is not a message, or a type Meta marks unsupported, is kept in the journal with
 * the reason (quarantined) and never blocks the channel.
 */
@ApplicationScoped
public class WhatsAppMessageParser implements PayloadParser {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.whatsapp-event";

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** What the journal kept for a WhatsApp webhook event, with Meta's body read as JSON. */
    record Journaled(MetaPayload payload, JsonObject body) {

        /** @throws InvalidPayloadException when the bytes are no journaled Meta event or the body no JSON object: never processable */
        static Journaled read(byte[] journaled, String what) {
            try {
                MetaPayload payload = MetaPayload.of(journaled);
                return new Journaled(payload, Jsonp.object(payload.rawBody()));
            } catch (RuntimeException unreadable) {
                throw new InvalidPayloadException(null, "Not a " + what + ": " + unreadable.getMessage());
            }
        }
    }

    @Override
    public InboundMessage parse(byte[] journaled) {
        Journaled read = Journaled.read(journaled, "WhatsApp webhook event");
        MetaPayload payload = read.payload();
        JsonObject body = read.body();
        if (payload.kind().equals(MetaPayload.EVENT)) {
            throw new InvalidPayloadException("field", "WhatsApp webhook field '" + payload.name() + "' is not handled by this version: kept, not shown");
        }
        Found found = find(body, payload.name()).orElseThrow(() ->
                new InvalidPayloadException("messages", "Message " + payload.name() + " is not in the webhook body it was journaled with"));
        JsonObject message = found.message();
        String type = message.getString("type", "");
        String from = message.getString("from", "");
        if (!from.matches("\\d{6,20}")) {
            throw new InvalidPayloadException("from", "A WhatsApp message without the sender's number");
        }
        List<String> notes = new ArrayList<>();
        List<InboundMessage.InboundAttachment> files = new ArrayList<>();
        String text = switch (type) {
            case "text" -> object(message, "text").getString("body", "");
            case "image", "video", "audio", "document", "sticker" -> media(type, object(message, type), files);
            case "location" -> location(object(message, "location"));
            case "contacts" -> contacts(message);
            case "interactive" -> interactive(object(message, "interactive"));
            case "button" -> object(message, "button").getString("text", "");
            case "reaction" -> reaction(object(message, "reaction"));
            default -> throw new InvalidPayloadException("type", "WhatsApp message type '" + type + "' is not supported"
                    + (message.containsKey("errors") ? " (Meta: " + message.get("errors") + ")" : "") + ": kept, not shown");
        };
        String phone = "+" + from;
        String name = found.profileName();
        Instant sentAt = Instant.ofEpochSecond(parseLong(message.getString("timestamp", "0")));
        List<String> inReplyTo = message.containsKey("context") && message.get("context") instanceof JsonObject context && context.containsKey("id")
                ? List.of(context.getString("id")) : List.of();
        ChannelFacts facts = new ChannelFacts(payload.name(), inReplyTo, null, null, null, null);
        return new InboundMessage(payload.name(), new Sender(null, phone, name, null), TicketTemplates.subjectFromText(null, text), text, null,
                sentAt.getEpochSecond() == 0 ? Instant.now() : sentAt, "wa:" + from, null, facts, files, notes);
    }

    /** The message with this id in the body, and the profile name of the contact who sent it. */
    record Found(JsonObject message, String profileName) {
    }

    static Optional<Found> find(JsonObject body, String messageId) {
        for (JsonValue entry : body.getJsonArray("entry") == null ? List.<JsonValue>of() : body.getJsonArray("entry")) {
            for (JsonValue change : entry.asJsonObject().getJsonArray("changes") == null ? List.<JsonValue>of() : entry.asJsonObject().getJsonArray("changes")) {
                JsonObject value = change.asJsonObject().getJsonObject("value");
                if (value == null || value.getJsonArray("messages") == null) {
                    continue;
                }
                for (JsonValue candidate : value.getJsonArray("messages")) {
                    JsonObject message = candidate.asJsonObject();
                    if (messageId.equals(message.getString("id", null))) {
                        return Optional.of(new Found(message, profileName(value, message.getString("from", ""))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String profileName(JsonObject value, String waId) {
        if (value.getJsonArray("contacts") == null) {
            return null;
        }
        for (JsonValue contact : value.getJsonArray("contacts")) {
            JsonObject c = contact.asJsonObject();
            if (waId.equals(c.getString("wa_id", null)) && c.getJsonObject("profile") != null) {
                String name = c.getJsonObject("profile").getString("name", null);
                return name == null || name.isBlank() ? null : name.strip();
            }
        }
        return null;
    }

    /** A media message: the caption (or what it is) as text; the file itself fetched later by its media id ({@link WhatsAppMedia}). */
    private static String media(String type, JsonObject media, List<InboundMessage.InboundAttachment> files) {
        String caption = media.getString("caption", "");
        String file = media.getString("filename", null);
        String id = media.getString("id", null);
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new InvalidPayloadException(type + ".id", "A WhatsApp " + type + " without Meta's media id");
        }
        String contentType = media.getString("mime_type", null);
        files.add(InboundMessage.InboundAttachment.remote(id, file != null ? file : defaultName(type, id, contentType), contentType));
        String label = "[" + type + (file == null ? "" : ": " + file) + "]";
        return caption.isBlank() ? label : label + " " + caption;
    }

    /** WhatsApp names only documents: others get the kind, the media id and the type's usual extension. */
    static String defaultName(String type, String id, String contentType) {
        String base = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT).replaceAll(";.*", "").strip();
        String extension = switch (base) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/3gpp" -> ".3gp";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/mp4", "audio/aac" -> ".m4a";
            case "audio/amr" -> ".amr";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
        return "whatsapp-" + type + "-" + id.replaceAll("[^A-Za-z0-9_-]", "") + extension;
    }

    private static String location(JsonObject location) {
        String where = location.getJsonNumber("latitude") + ", " + location.getJsonNumber("longitude");
        String name = location.getString("name", "");
        String address = location.getString("address", "");
        return "Location: " + where + (name.isBlank() ? "" : " — " + name) + (address.isBlank() ? "" : ", " + address);
    }

    private static String contacts(JsonObject message) {
        List<String> shared = new ArrayList<>();
        for (JsonValue value : message.getJsonArray("contacts") == null ? List.<JsonValue>of() : message.getJsonArray("contacts")) {
            JsonObject contact = value.asJsonObject();
            String name = contact.getJsonObject("name") == null ? "" : contact.getJsonObject("name").getString("formatted_name", "");
            List<String> phones = contact.getJsonArray("phones") == null ? List.of()
                    : contact.getJsonArray("phones").getValuesAs(JsonObject.class).stream().map(p -> p.getString("phone", "")).toList();
            shared.add(name + (phones.isEmpty() ? "" : " " + String.join(", ", phones)));
        }
        return "Shared contact: " + String.join("; ", shared);
    }

    private static String interactive(JsonObject interactive) {
        String type = interactive.getString("type", "");
        JsonObject reply = interactive.getJsonObject(type);
        if (reply == null) {
            throw new InvalidPayloadException("interactive", "An interactive WhatsApp reply of type '" + type + "' without its answer");
        }
        return reply.getString("title", reply.getString("id", ""));
    }

    private static String reaction(JsonObject reaction) {
        String emoji = reaction.getString("emoji", "");
        return emoji.isEmpty() ? "Removed a reaction" : "Reacted " + emoji + " to a message";
    }

    private static JsonObject object(JsonObject message, String key) {
        JsonObject inner = message.getJsonObject(key);
        if (inner == null) {
            throw new InvalidPayloadException(key, "A WhatsApp " + key + " message without its '" + key + "' object");
        }
        return inner;
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
