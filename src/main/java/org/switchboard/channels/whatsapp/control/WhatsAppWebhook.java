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
import org.switchboard.inbound.control.InboundJournal.Payload;
import org.switchboard.inbound.control.InboundPipeline;

/**
 * Takes Meta's WhatsApp webhook: finds the channel of each change by its phone number id, checks
 * the signature on the raw bytes with that channel's app secret (nothing is stored otherwise), then
 * journals each message under its id and each status under its message id and status (a redelivery
 * is the same item) and answers once that has committed; processing follows from the journal
 * ({@link InboundPipeline#acceptAll}). Other fields are journaled too and kept with the reason.
 */
@ApplicationScoped
public class WhatsAppWebhook {

    @Inject
    WhatsAppChannelService channels;

    @Inject
    InboundPipeline pipeline;

    /** What a webhook came to, each journaled: messages, statuses of our messages, other events (kept with the reason). */
    public record Taken(int messages, int statuses, int otherEvents) {
    }

    private record Change(String field, JsonObject value, Receiver receiver) {
    }

    public Taken receive(byte[] raw, String signature) {
        JsonObject body = MetaWebhooks.body(raw, "whatsapp_business_account", "WhatsApp Business Account");
        List<Change> changes = changes(body);
        MetaWebhooks.requireSigned(raw, signature, changes.stream().map(change -> change.receiver().appSecret()).toList());
        List<Payload> messages = new ArrayList<>();
        List<Payload> statusUpdates = new ArrayList<>();
        List<Payload> others = new ArrayList<>();
        for (Change change : changes) {
            long channelId = change.receiver().channelId();
            if (!"messages".equals(change.field())) {
                others.add(new Payload(channelId, "wa-event:" + change.field() + ":" + MetaWebhooks.sha256(raw), WhatsAppMessageParser.CONTENT_TYPE,
                        new MetaPayload(MetaPayload.EVENT, change.field(), raw).toBytes()));
                continue;
            }
            for (JsonValue message : array(change.value(), "messages")) {
                String id = idOf(message, "messages[].id", "a WhatsApp message without its id");
                messages.add(new Payload(channelId, "wa:" + id, WhatsAppMessageParser.CONTENT_TYPE, new MetaPayload(MetaPayload.MESSAGE, id, raw).toBytes()));
            }
            for (JsonValue status : array(change.value(), "statuses")) {
                String about = idOf(status, "statuses[].id", "a status without the message id it is about") + " "
                        + idOf(status, "statuses[].status", "a status without its status");
                statusUpdates.add(new Payload(channelId, "wa-status:" + about.replace(' ', ':'), WhatsAppStatuses.CONTENT_TYPE,
                        new MetaPayload(MetaPayload.UPDATE, about, raw).toBytes()));
            }
        }
        List<Payload> all = new ArrayList<>(messages);
        all.addAll(statusUpdates);
        all.addAll(others);
        pipeline.acceptAll(all); // answered once journaled: processing follows from the journal
        return new Taken(messages.size(), statusUpdates.size(), others.size());
    }

    /** An id the journal key is made of: present, one token, of a sane length; otherwise 400 naming the field. */
    private static String idOf(JsonValue value, String field, String missing) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        String id = value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject().getString(key, null) : null;
        if (id == null || id.isBlank() || id.length() > 400 || id.chars().anyMatch(Character::isWhitespace)) {
            throw new MetaWebhooks.Refused(400, field, field + ": " + missing);
        }
        return id;
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
