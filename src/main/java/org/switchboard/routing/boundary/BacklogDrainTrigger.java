package org.switchboard.routing.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.switchboard.identity.control.AgentFreed;
import org.switchboard.platform.concurrent.Background;
import org.switchboard.routing.control.Router;

/**
 * When an agent frees up, waiting tickets are assigned, oldest first: after the freeing
 * transaction commits, one drain runs in the background (a second request while it runs makes it
 * go round once more, so no trigger is lost). It runs on {@link Background}'s threads, not the
 * server's default managed executor, whose pooled threads the batch runtime uses for import
 * chunks: ImportIT now and then saw a chunk's UserTransaction refused there ("Operation not
 * allowed" — the thread carried a foreign component invocation), and this was the only other
 * user of that pool.
 */
@ApplicationScoped
public class BacklogDrainTrigger {

    static final int BATCH = 500;

    @Inject
    Background executor;

    @Inject
    Router router;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    void agentFreed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentFreed event) {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                router.drainBacklog(BATCH);
            }
        } finally {
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }
    }
}
