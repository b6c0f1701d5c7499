package org.switchboard.channels.messenger.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
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
 * One Messenger event of a journaled webhook body → a message in the person's conversation
 * (thread key {@code fb:<page-scoped id>}, one per person and page), the contact by their page-scoped
 * id. Text, attachments (image, video, audio, file, location, anything else by its type), quick
 * replies (their label) and postbacks (the button's title). An echo ({@code is_echo}) is what the
 * page sent: from elsewhere (the page's own inbox) it is kept as the team's reply; our own send
 * comes back with our metadata and is recognised as ours, never copied.
 */
@ApplicationScoped
public class MessengerMessageParser implements PayloadParser {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.messenger-event";
    /** Our sends carry metadata with this prefix and the message's own id, so their echoes are known as ours. */
    public static final String OUR_METADATA = "switchboard:";

    /** What the message's remote file can keep as its reference (remote_files.reference). */
    static final int MAX_URL = 1000;

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] journaled) {
        MetaPayload payload;
        JsonObject body;
        try {
            payload = MetaPayload.of(journaled);
            body = Jsonp.object(payload.rawBody());
        } catch (RuntimeException unreadable) {
            throw new InvalidPayloadException(null, "Not a Messenger webhook event: " + unreadable.getMessage());
        }
        if (!payload.isMessage()) {
            throw new InvalidPayloadException("messaging", "Messenger event '" + payload.name() + "' is not handled by this version: kept, not shown");
        }
        JsonObject event = find(body, payload.name()).orElseThrow(() ->
                new InvalidPayloadException("messaging", "Event " + payload.name() + " is not in the webhook body it was journaled with"));
        Instant at = event.get("timestamp") instanceof JsonNumber ms ? Instant.ofEpochMilli(ms.longValue()) : Instant.now();
        if (event.get("postback") instanceof JsonObject postback) {
            String psid = id(event, "sender");
            String title = postback.getString("title", postback.getString("payload", ""));
            return message(payload.name(), psid, title, at, List.of(), new ChannelFacts(null, List.of(), null, null, null, null), List.of());
        }
        JsonObject message = event.getJsonObject("message");
        boolean echo = message.getBoolean("is_echo", false);
        String psid = echo ? id(event, "recipient") : id(event, "sender");
        List<String> notes = new ArrayList<>();
        List<InboundMessage.InboundAttachment> files = new ArrayList<>();
        String text = text(message, notes, files);
        List<String> inReplyTo = message.get("reply_to") instanceof JsonObject replyTo && replyTo.containsKey("mid")
                ? List.of(replyTo.getString("mid")) : List.of();
        String metadata = message.getString("metadata", "");
        ChannelFacts facts = new ChannelFacts(echo && metadata.startsWith(OUR_METADATA) ? metadata : null, inReplyTo, null, null, null, null, echo);
        return message(payload.name(), psid, text, at, inReplyTo, facts, notes, files);
    }

    private static InboundMessage message(String mid, String psid, String text, Instant at, List<String> inReplyTo, ChannelFacts facts, List<String> notes) {
        return message(mid, psid, text, at, inReplyTo, facts, notes, List.of());
    }

    private static InboundMessage message(String mid, String psid, String text, Instant at, List<String> inReplyTo, ChannelFacts facts,
                                          List<String> notes, List<InboundMessage.InboundAttachment> files) {
        return new InboundMessage(mid, new Sender(null, null, null, psid), TicketTemplates.subjectFromText(null, text), text, null, at,
                "fb:" + psid, null, facts, files, notes);
    }

    /** The event this journal item is: the message or postback with this id (a postback without one: {@code postback:<psid>:<ms>}). */
    static Optional<JsonObject> find(JsonObject body, String name) {
        for (JsonObject event : events(body)) {
            if (name.equals(keyOf(event))) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** The journal name of a message or postback event; null for other events (deliveries, reads, …). */
    static String keyOf(JsonObject event) {
        if (event.get("message") instanceof JsonObject message) {
            return message.getString("mid", null);
        }
        if (event.get("postback") instanceof JsonObject postback) {
            String mid = postback.getString("mid", null);
            return mid != null ? mid : "postback:" + id(event, "sender") + ":" + event.get("timestamp");
        }
        return null;
    }

    static List<JsonObject> events(JsonObject body) {
        List<JsonObject> events = new ArrayList<>();
        for (JsonValue entry : array(body, "entry")) {
            for (JsonValue event : array(entry.asJsonObject(), "messaging")) {
                if (event.getValueType() == JsonValue.ValueType.OBJECT) {
                    events.add(event.asJsonObject());
                }
            }
        }
        return events;
    }

    static List<JsonValue> array(JsonObject object, String key) {
        return object.containsKey(key) && object.get(key).getValueType() == JsonValue.ValueType.ARRAY ? object.getJsonArray(key) : List.of();
    }

    static String id(JsonObject event, String who) {
        String id = event.get(who) instanceof JsonObject party ? party.getString("id", "") : "";
        if (!id.matches("\\d{1,40}")) {
            throw new InvalidPayloadException(who + ".id", "A Messenger event without the " + who + "'s id");
        }
        return id;
    }

    /**
     * The text agents read; image, video, audio and file attachments become files of the message,
     * fetched within seconds from the link Facebook gives (it expires) by {@link MessengerFiles}.
     */
    private static String text(JsonObject message, List<String> notes, List<InboundMessage.InboundAttachment> files) {
        List<String> parts = new ArrayList<>();
        String text = message.getString("text", "");
        if (!text.isBlank()) {
            parts.add(text);
        }
        for (JsonValue value : array(message, "attachments")) {
            JsonObject attachment = value.asJsonObject();
            String type = attachment.getString("type", "unknown");
            JsonObject payload = attachment.get("payload") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            switch (type) {
                case "image", "video", "audio", "file" -> {
                    String url = payload.getString("url", "");
                    String name = filename(type, url);
                    if (url.startsWith("https://") || url.startsWith("http://")) {
                        if (url.length() <= MAX_URL) {
                            files.add(InboundMessage.InboundAttachment.remote(url, name, null));
                            parts.add("[" + type + ": " + name + "]");
                        } else {
                            parts.add("[" + type + "] " + url);
                            notes.add("Messenger " + type + ": Facebook's link is too long to fetch the file; it expires");
                        }
                    } else {
                        parts.add("[" + type + "]");
                        notes.add("Messenger " + type + " without a link: nothing to fetch");
                    }
                }
                case "location" -> {
                    JsonObject coordinates = payload.get("coordinates") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
                    parts.add("Location: " + coordinates.get("lat") + ", " + coordinates.get("long")
                            + (attachment.getString("title", "").isBlank() ? "" : " — " + attachment.getString("title")));
                }
                default -> parts.add("[" + type + "]" + (attachment.getString("title", "").isBlank() ? "" : " " + attachment.getString("title"))
                        + (payload.getString("url", "").isBlank() ? "" : " " + payload.getString("url")));
            }
        }
        if (message.containsKey("sticker_id") && parts.isEmpty()) {
            parts.add("[sticker]");
        }
        if (parts.isEmpty()) {
            throw new InvalidPayloadException("message", "A Messenger message with neither text nor attachments this version shows: kept, not shown");
        }
        return String.join("\n", parts);
    }

    /** Facebook's links end in the file's name (a sent file keeps the sender's); otherwise the kind names it. */
    static String filename(String type, String url) {
        String path = url.replaceAll("[?#].*", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            last = java.net.URLDecoder.decode(last, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // keep it as it is
        }
        last = last.replaceAll("[\\r\\n\\\\/\"]", "").strip();
        if (last.isEmpty() || !last.contains(".") || last.length() > 200) {
            return "messenger-" + type;
        }
        return last;
    }
}
