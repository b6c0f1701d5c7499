package org.switchboard.testing;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Runs test code in its own container transaction, the way a boundary method would. */
@ApplicationScoped
public class TestTransactions {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T call(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(Consumer<EntityManager> work) {
        work.accept(em);
    }
}
