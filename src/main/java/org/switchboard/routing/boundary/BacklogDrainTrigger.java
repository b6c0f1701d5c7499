package org.switchboard.routing.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.switchboard.identity.control.AgentFreed;
import org.switchboard.routing.control.Router;

/**
 * When an agent frees up, waiting tickets are assigned, oldest first: after the freeing
 * transaction commits, one drain runs in the background (a second request while it runs makes it
 * go round once more, so no trigger is lost).
 */
@ApplicationScoped
public class BacklogDrainTrigger {

    static final int BATCH = 500;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Router router;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    void agentFreed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentFreed event) {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            executor.submit(this::drain);
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
                executor.submit(this::drain);
            }
        }
    }
}
