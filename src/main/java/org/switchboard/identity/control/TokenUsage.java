package org.switchboard.identity.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Records when a token was last used, in its own small transaction. */
@ApplicationScoped
public class TokenUsage {

    @PersistenceContext
    EntityManager em;

    /** A bulk update, not the versioned entity: concurrent calls with one token must not conflict. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(long tokenId, Instant now, Instant threshold) {
        em.createQuery("UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :threshold)")
                .setParameter("now", now).setParameter("id", tokenId).setParameter("threshold", threshold).executeUpdate();
    }
}
