package org.switchboard.channels.whatsapp.control;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.outbound.control.DeliveryStatuses;

/**
 * WhatsApp's {@code statuses[]} on our messages: sent, delivered, read, failed with Meta's error
 * (the re-engagement error 131047 arrives here, not in the send's answer). They come out of order
 * and "delivered" may be skipped; a message never moves back ({@link DeliveryStatuses}).
 */
@ApplicationScoped
public class WhatsAppStatuses {

    private static final Logger LOG = Logger.getLogger(WhatsAppStatuses.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryStatuses deliveryStatuses;

    @Transactional
    public void apply(long channelId, JsonObject status) {
        String wamid = status.getString("id", null);
        DeliveryState state = switch (status.getString("status", "")) {
            case "sent" -> DeliveryState.SENT;
            case "delivered" -> DeliveryState.DELIVERED;
            case "read" -> DeliveryState.READ;
            case "failed" -> DeliveryState.FAILED;
            default -> null;
        };
        if (wamid == null || state == null) {
            LOG.info(() -> "WhatsApp status not understood on channel " + channelId + ": " + status);
            return;
        }
        Optional<Message> ours = em.createNamedQuery("Message.byExternalId", Message.class).setParameter("channel", em.find(Channel.class, channelId))
                .setParameter("externalId", wamid).getResultStream().findFirst();
        if (ours.isEmpty()) {
            LOG.info(() -> "WhatsApp status " + status.getString("status") + " for " + wamid + ", which is no message of channel " + channelId);
            return;
        }
        deliveryStatuses.record(channelId, ours.get().getId(), state, state == DeliveryState.FAILED ? error(status) : null, null);
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
