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
import org.switchboard.inbound.control.InboundPipeline;

/**
 * Takes Meta's Messenger webhook ({@code object: page}): finds the channel of each entry by its page
 * id, checks the signature on the raw bytes with that channel's app secret (nothing is stored
 * otherwise), then journals each message, echo and postback under its id — a redelivery is the same
 * item — and applies delivery and read watermarks to our sent messages. Any other event is journaled
 * too and kept with the reason.
 */
@ApplicationScoped
public class MessengerWebhook {

    @Inject
    MessengerChannelService channels;

    @Inject
    InboundPipeline pipeline;

    @Inject
    MessengerWatermarks watermarks;

    /** What the body held: messages (and echoes, postbacks) journaled, watermarks applied, other events kept. */
    public record Taken(int messages, int watermarks, int otherEvents) {
    }

    private record Entry(JsonObject entry, Receiver receiver) {
    }

    public Taken receive(byte[] raw, String signature) {
        JsonObject body = MetaWebhooks.body(raw, "page", "Messenger (page)");
        List<Entry> entries = entries(body);
        MetaWebhooks.requireSigned(raw, signature, entries.stream().map(entry -> entry.receiver().appSecret()).toList());
        int messages = 0;
        int moved = 0;
        int others = 0;
        for (Entry entry : entries) {
            long channelId = entry.receiver().channelId();
            for (JsonValue value : MessengerMessageParser.array(entry.entry(), "messaging")) {
                JsonObject event = value.asJsonObject();
                String key = MessengerMessageParser.keyOf(event);
                if (key != null) {
                    if (key.length() > 400 || key.chars().anyMatch(Character::isWhitespace)) {
                        throw new MetaWebhooks.Refused(400, "messaging[].message.mid", "messaging[].message.mid: not a Messenger message id");
                    }
                    pipeline.submit(channelId, "fb:" + key, MessengerMessageParser.CONTENT_TYPE, new MetaPayload(MetaPayload.MESSAGE, key, raw).toBytes());
                    messages++;
                } else if (event.get("delivery") instanceof JsonObject delivery) {
                    watermarks.apply(channelId, MessengerMessageParser.id(event, "sender"), DeliveryState.DELIVERED, watermark(delivery));
                    moved++;
                } else if (event.get("read") instanceof JsonObject read) {
                    watermarks.apply(channelId, MessengerMessageParser.id(event, "sender"), DeliveryState.READ, watermark(read));
                    moved++;
                } else {
                    String what = event.keySet().stream().filter(k -> !List.of("sender", "recipient", "timestamp").contains(k)).findFirst().orElse("unknown");
                    pipeline.submit(channelId, "fb-event:" + what + ":" + MetaWebhooks.sha256(raw) + ":" + others, MessengerMessageParser.CONTENT_TYPE,
                            new MetaPayload(MetaPayload.EVENT, what, raw).toBytes());
                    others++;
                }
            }
        }
        return new Taken(messages, moved, others);
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

    private static Instant watermark(JsonObject event) {
        if (!(event.get("watermark") instanceof JsonNumber watermark)) {
            throw new MetaWebhooks.Refused(400, "messaging[].watermark", "messaging[].watermark: a delivery or read event without its watermark");
        }
        return Instant.ofEpochMilli(watermark.longValue());
    }
}
