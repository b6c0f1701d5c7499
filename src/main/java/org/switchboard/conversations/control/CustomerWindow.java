package org.switchboard.conversations.control;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;

/**
 * Meta's reply windows run from the customer's last message (WhatsApp: 24 hours for free text;
 * Messenger: 24 hours, then 7 days for a person's reply with the HUMAN_AGENT tag).
 */
public final class CustomerWindow {

    private CustomerWindow() {
    }

    /** When the customer last wrote in the conversation — the provider's timestamp, not when we took it in — or null. */
    public static Instant lastFromCustomer(EntityManager em, long conversationId) {
        return em.createQuery("SELECT m FROM Message m WHERE m.conversation.id = :c AND m.direction = :in ORDER BY m.createdAt DESC, m.id DESC", Message.class)
                .setParameter("c", conversationId).setParameter("in", MessageDirection.INBOUND).setMaxResults(1)
                .getResultStream().findFirst().map(m -> m.getSentAt() != null ? m.getSentAt() : m.getCreatedAt()).orElse(null);
    }
}
