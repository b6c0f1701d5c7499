package org.switchboard.channels.messenger.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.switchboard.channels.messenger.control.MessengerChannelService.Receiver;
import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.channels.meta.MetaSignature;
import org.switchboard.channels.meta.MetaWebhooks;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.inbound.control.InboundJournal.Payload;
import org.switchboard.inbound.control.InboundPipeline;

/**
 * Takes Meta's Messenger webhook ({@code object: page}): finds the channel of each entry by its page
 * id, checks the signature on the raw bytes with that channel's app secret (nothing is stored
 * otherwise), then journals each message, echo and postback under its id and each delivery and read
 * watermark under the person and time — a redelivery is the same item — and answers once that has
 * committed; processing follows from the journal ({@link InboundPipeline#acceptAll}). Any other
 * event is journaled too and kept with the reason.
 */
@ApplicationScoped
public class MessengerWebhook {

    @Inject
    MessengerChannelService channels;

    @Inject
    InboundPipeline pipeline;

    /** What the body held, each journaled: messages (and echoes, postbacks), delivery and read watermarks, other events (kept with the reason). */
    public record Taken(int messages, int watermarks, int otherEvents) {
    }

    private record Entry(JsonObject entry, Receiver receiver) {
    }

    public Taken receive(byte[] raw, String signature) {
        JsonObject body = MetaWebhooks.body(raw, "page", "Messenger (page)");
        List<Entry> entries = entries(body);
        MetaWebhooks.requireSigned(raw, signature, entries.stream().map(entry -> entry.receiver().appSecret()).toList());
        List<Payload> messages = new ArrayList<>();
        List<Payload> watermarkUpdates = new ArrayList<>();
        List<Payload> others = new ArrayList<>();
        for (Entry entry : entries) {
            long channelId = entry.receiver().channelId();
            for (JsonValue value : MessengerMessageParser.array(entry.entry(), "messaging")) {
                JsonObject event = value.asJsonObject();
                String key = MessengerMessageParser.keyOf(event);
                MessengerWatermarks.Watermark watermark = key == null ? watermarkOf(event) : null;
                if (key != null) {
                    if (key.length() > 400 || key.chars().anyMatch(Character::isWhitespace)) {
                        throw new MetaWebhooks.Refused(400, "messaging[].message.mid", "messaging[].message.mid: not a Messenger message id");
                    }
                    messages.add(new Payload(channelId, "fb:" + key, MessengerMessageParser.CONTENT_TYPE, new MetaPayload(MetaPayload.MESSAGE, key, raw).toBytes()));
                } else if (watermark != null) {
                    watermarkUpdates.add(new Payload(channelId, "fb-" + watermark.name().replace(' ', ':'), MessengerWatermarks.CONTENT_TYPE,
                            new MetaPayload(MetaPayload.UPDATE, watermark.name(), raw).toBytes()));
                } else {
                    String what = event.keySet().stream().filter(k -> !List.of("sender", "recipient", "timestamp").contains(k)).findFirst().orElse("unknown");
                    others.add(new Payload(channelId, "fb-event:" + what + ":" + MetaWebhooks.sha256(raw) + ":" + others.size(), MessengerMessageParser.CONTENT_TYPE,
                            new MetaPayload(MetaPayload.EVENT, what, raw).toBytes()));
                }
            }
        }
        List<Payload> all = new ArrayList<>(messages);
        all.addAll(watermarkUpdates);
        all.addAll(others);
        pipeline.acceptAll(all); // answered once journaled: processing follows from the journal
        return new Taken(messages.size(), watermarkUpdates.size(), others.size());
    }

    /** A delivery or read event as the watermark it moves, or null for any other event. */
    private static MessengerWatermarks.Watermark watermarkOf(JsonObject event) {
        DeliveryState state = event.get("delivery") instanceof JsonObject ? DeliveryState.DELIVERED
                : event.get("read") instanceof JsonObject ? DeliveryState.READ : null;
        if (state == null) {
            return null;
        }
        JsonObject watermarked = event.getJsonObject(state == DeliveryState.READ ? "read" : "delivery");
        if (!(watermarked.get("watermark") instanceof JsonNumber watermark)) {
            throw new MetaWebhooks.Refused(400, "messaging[].watermark", "messaging[].watermark: a delivery or read event without its watermark");
        }
        return new MessengerWatermarks.Watermark(state, MessengerMessageParser.id(event, "sender"), Instant.ofEpochMilli(watermark.longValue()));
    }

    private List<Entry> entries(JsonObject body) {
        List<Entry> entries = new ArrayList<>();
        for (JsonValue value : MessengerMessageParser.array(body, "entry")) {
            JsonObject entry = value.asJsonObject();
            String pageId = entry.getString("id", null);
            if (pageId == null) {
                throw new MetaWebhooks.Refused(400, "entry[].id", "An entry without the page id it is for");
            }
            Optional<Receiver> receiver = channels.receiver(pageId);
            if (receiver.isEmpty()) {
                // no channel has this page, so no secret can verify the body: nothing is stored
                throw new MetaWebhooks.Refused(401, MetaSignature.HEADER, "No Messenger channel has the page " + pageId);
            }
            entries.add(new Entry(entry, receiver.get()));
        }
        return entries;
    }
}
