package org.switchboard.channels.messenger.control;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.outbound.control.DeliveryStatuses;

/**
 * Messenger's delivery and read events are watermarks: every message the page sent to the person
 * before that time is delivered (read). They move our sent messages forward, never back, and may
 * come twice or late ({@link DeliveryStatuses}).
 */
@ApplicationScoped
public class MessengerWatermarks {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryStatuses statuses;

    /** @return how many messages moved */
    @Transactional
    public int apply(long channelId, String psid, DeliveryState state, Instant watermark) {
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
