package org.switchboard.platform.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Lets the features seed what they own ({@link SchemaReady}) in one transaction, one instance at a
 * time: instances started together on a fresh PostgreSQL database would otherwise both find no
 * admin and both create one, and the loser would fail to start. Under a transaction-scoped advisory
 * lock the second instance waits for the first to commit, then finds the admin and the pipeline.
 */
@ApplicationScoped
public class Seeding {

    /** Any number, the same on every instance; Flyway's own lock uses another. */
    static final long LOCK = 0x5b5eedL;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<SchemaReady> schemaReady;

    @Transactional
    public void seed(SchemaReady ready, boolean postgresql) {
        if (postgresql) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        }
        schemaReady.fire(ready);
    }
}
