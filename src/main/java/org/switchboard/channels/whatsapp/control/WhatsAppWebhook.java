package org.switchboard.channels.whatsapp.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.channels.meta.MetaSignature;
import org.switchboard.channels.meta.MetaWebhooks;
import org.switchboard.channels.whatsapp.control.WhatsAppChannelService.Receiver;
import org.switchboard.inbound.control.InboundPipeline;

/**
 * Takes Meta's WhatsApp webhook: finds the channel of each change by its phone number id, checks
 * the signature on the raw bytes with that channel's app secret (nothing is stored otherwise), then
 * journals each message under its id (a redelivery is the same item) and applies statuses to our
 * messages. Other fields are journaled too and kept with the reason.
 */
@ApplicationScoped
public class WhatsAppWebhook {

    @Inject
    WhatsAppChannelService channels;

    @Inject
    InboundPipeline pipeline;

    @Inject
    WhatsAppStatuses statuses;

    /** What a webhook came to: messages journaled, statuses applied, other events kept. */
    public record Taken(int messages, int statuses, int otherEvents) {
    }

    private record Change(String field, JsonObject value, Receiver receiver) {
    }

    public Taken receive(byte[] raw, String signature) {
        JsonObject body = MetaWebhooks.body(raw, "whatsapp_business_account", "WhatsApp Business Account");
        List<Change> changes = changes(body);
        MetaWebhooks.requireSigned(raw, signature, changes.stream().map(change -> change.receiver().appSecret()).toList());
        int messages = 0;
        int statusCount = 0;
        int others = 0;
        for (Change change : changes) {
            long channelId = change.receiver().channelId();
            if (!"messages".equals(change.field())) {
                pipeline.submit(channelId, "wa-event:" + change.field() + ":" + MetaWebhooks.sha256(raw), WhatsAppMessageParser.CONTENT_TYPE,
                        new MetaPayload(MetaPayload.EVENT, change.field(), raw).toBytes());
                others++;
                continue;
            }
            for (JsonValue message : array(change.value(), "messages")) {
                String id = message.asJsonObject().getString("id", null);
                if (id == null || id.isBlank() || id.length() > 400 || id.chars().anyMatch(Character::isWhitespace)) {
                    throw new MetaWebhooks.Refused(400, "messages[].id", "messages[].id: a WhatsApp message without its id");
                }
                pipeline.submit(channelId, "wa:" + id, WhatsAppMessageParser.CONTENT_TYPE, new MetaPayload(MetaPayload.MESSAGE, id, raw).toBytes());
                messages++;
            }
            for (JsonValue status : array(change.value(), "statuses")) {
                statuses.apply(channelId, status.asJsonObject());
                statusCount++;
            }
        }
        return new Taken(messages, statusCount, others);
    }

    private List<Change> changes(JsonObject body) {
        List<Change> changes = new ArrayList<>();
        for (JsonValue entry : array(body, "entry")) {
            for (JsonValue change : array(entry.asJsonObject(), "changes")) {
                JsonObject value = change.asJsonObject().getJsonObject("value");
                String phoneNumberId = value == null || value.getJsonObject("metadata") == null ? null
                        : value.getJsonObject("metadata").getString("phone_number_id", null);
                if (phoneNumberId == null) {
                    throw new MetaWebhooks.Refused(400, "entry[].changes[].value.metadata.phone_number_id", "A change without the phone number id it is for");
                }
                Optional<Receiver> receiver = channels.receiver(phoneNumberId);
                if (receiver.isEmpty()) {
                    // no channel has this number, so no secret can verify the body: nothing is stored
                    throw new MetaWebhooks.Refused(401, MetaSignature.HEADER, "No WhatsApp channel has the phone number id " + phoneNumberId);
                }
                changes.add(new Change(change.asJsonObject().getString("field", ""), value, receiver.get()));
            }
        }
        return changes;
    }

    private static List<JsonValue> array(JsonObject object, String key) {
        return object.containsKey(key) && object.get(key).getValueType() == JsonValue.ValueType.ARRAY ? object.getJsonArray(key) : List.of();
    }
}
