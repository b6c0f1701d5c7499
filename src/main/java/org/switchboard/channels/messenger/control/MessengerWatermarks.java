package org.switchboard.channels.messenger.control;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.inbound.control.InboundUpdate;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.outbound.control.DeliveryStatuses;

/**
 * Messenger's delivery and read events are watermarks: every message the page sent to the person
 * before that time is delivered (read). They move our sent messages forward, never back, and may
 * come twice or late ({@link DeliveryStatuses}). The webhook journals each one; it is applied from
 * the journal.
 */
@ApplicationScoped
public class MessengerWatermarks implements InboundUpdate {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.messenger-watermark";

    /** A delivery or read watermark of one person's conversation, journaled as {@code update <name>}. */
    public record Watermark(DeliveryState state, String psid, Instant at) {

        /** {@code delivery <psid> <epoch millis>} or {@code read …}: the journal key and the payload's first line. */
        public String name() {
            return (state == DeliveryState.READ ? "read" : "delivery") + " " + psid + " " + at.toEpochMilli();
        }

        static Watermark of(String name) {
            String[] parts = name.split(" ");
            if (parts.length != 3 || !(parts[0].equals("read") || parts[0].equals("delivery")) || !parts[1].matches("\\d{1,40}") || !parts[2].matches("\\d{1,15}")) {
                throw new InvalidPayloadException(null, "Not a Messenger watermark: " + name);
            }
            return new Watermark(parts[0].equals("read") ? DeliveryState.READ : DeliveryState.DELIVERED, parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])));
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryStatuses statuses;

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String apply(Channel channel, byte[] payload) {
        Watermark watermark;
        try {
            watermark = Watermark.of(MetaPayload.of(payload).name());
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidPayloadException(null, "Not a Messenger watermark: " + unreadable.getMessage());
        }
        int moved = apply(channel.getId(), watermark.psid(), watermark.state(), watermark.at());
        return "Messenger " + (watermark.state() == DeliveryState.READ ? "read" : "delivery") + " watermark: " + moved + " sent message(s) moved";
    }

    /** @return how many messages moved */
    int apply(long channelId, String psid, DeliveryState state, Instant watermark) {
        List<Long> behind = em.createQuery("SELECT m.id FROM Message m WHERE m.channel.id = :channel AND m.conversation.threadKey = :key"
                        + " AND m.direction = :out AND m.sentAt <= :watermark AND m.deliveryState IN :before ORDER BY m.id", Long.class)
                .setParameter("channel", channelId).setParameter("key", "fb:" + psid).setParameter("out", MessageDirection.OUTBOUND)
                .setParameter("watermark", watermark)
                .setParameter("before", state == DeliveryState.READ ? List.of(DeliveryState.SENT, DeliveryState.DELIVERED) : List.of(DeliveryState.SENT))
                .getResultList();
        int moved = 0;
        for (long messageId : behind) {
            if (statuses.record(channelId, messageId, state, null, null) == DeliveryStatuses.Result.CHANGED) {
                moved++;
            }
        }
        return moved;
    }
}
