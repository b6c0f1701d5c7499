package org.switchboard.platform.startup;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether startup (migration and seeding) has finished; the readiness check reports it. */
@ApplicationScoped
public class Readiness {

    private volatile boolean ready;

    void markReady() {
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }
}
