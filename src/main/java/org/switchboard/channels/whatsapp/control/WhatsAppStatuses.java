package org.switchboard.channels.whatsapp.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.inbound.control.InboundUpdate;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.outbound.control.DeliveryStatuses;

/**
 * WhatsApp's {@code statuses[]} on our messages: sent, delivered, read, failed with Meta's error
 * (the re-engagement error 131047 arrives here, not in the send's answer). They come out of order
 * and "delivered" may be skipped; a message never moves back ({@link DeliveryStatuses}). Each is
 * journaled by the webhook and applied from the journal; one that overtook the commit of our own
 * send (Meta may call before its send answer has been stored) is tried again until the message is here.
 */
@ApplicationScoped
public class WhatsAppStatuses implements InboundUpdate {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.whatsapp-status";

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryStatuses deliveryStatuses;

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** The payload names the message id and status ({@code update <wamid> <status>}); the status itself is read from the raw body. */
    @Override
    public String apply(Channel channel, byte[] payload) {
        JsonObject status = statusIn(payload);
        String wamid = status.getString("id", "");
        DeliveryState state = switch (status.getString("status", "")) {
            case "sent" -> DeliveryState.SENT;
            case "delivered" -> DeliveryState.DELIVERED;
            case "read" -> DeliveryState.READ;
            case "failed" -> DeliveryState.FAILED;
            default -> null;
        };
        if (state == null) {
            return "WhatsApp status '" + status.getString("status", "") + "' is not handled by this version: kept, nothing changed";
        }
        Optional<Message> ours = em.createNamedQuery("Message.byExternalId", Message.class).setParameter("channel", channel)
                .setParameter("externalId", wamid).getResultStream().findFirst();
        if (ours.isEmpty()) {
            throw new NotYet("No message of this channel has the WhatsApp id " + wamid + " (yet): the status is tried again");
        }
        DeliveryStatuses.Result result = deliveryStatuses.record(channel.getId(), ours.get().getId(), state,
                state == DeliveryState.FAILED ? error(status) : null, null);
        return "WhatsApp status " + status.getString("status") + ": " + switch (result) {
            case CHANGED -> "applied";
            case UNCHANGED -> "the message is that far already";
            default -> "not one of our sent messages";
        };
    }

    private static JsonObject statusIn(byte[] payload) {
        WhatsAppMessageParser.Journaled read = WhatsAppMessageParser.Journaled.read(payload, "WhatsApp status webhook");
        MetaPayload journaled = read.payload();
        JsonObject body = read.body();
        String[] about = journaled.name().split(" ", 2);
        for (JsonValue entry : array(body, "entry")) {
            for (JsonValue change : array(entry.asJsonObject(), "changes")) {
                JsonObject value = change.asJsonObject().getJsonObject("value");
                for (JsonValue status : value == null ? List.<JsonValue>of() : array(value, "statuses")) {
                    JsonObject candidate = status.asJsonObject();
                    if (about.length == 2 && about[0].equals(candidate.getString("id", null)) && about[1].equals(candidate.getString("status", null))) {
                        return candidate;
                    }
                }
            }
        }
        throw new InvalidPayloadException("statuses", "Status " + journaled.name() + " is not in the webhook body it was journaled with");
    }

    private static List<JsonValue> array(JsonObject object, String key) {
        return object.get(key) instanceof JsonArray array ? array : List.of();
    }

    /** Meta's error as an agent reads it: "131047 Re-engagement message: …". */
    static String error(JsonObject status) {
        if (!status.containsKey("errors") || status.get("errors").getValueType() != JsonValue.ValueType.ARRAY || status.getJsonArray("errors").isEmpty()) {
            return "WhatsApp did not deliver the message";
        }
        JsonObject error = status.getJsonArray("errors").getJsonObject(0);
        String details = error.getJsonObject("error_data") == null ? "" : error.getJsonObject("error_data").getString("details", "");
        return error.getInt("code", 0) + " " + error.getString("title", "") + (details.isBlank() ? "" : ": " + details);
    }
}
