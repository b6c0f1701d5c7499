package org.switchboard.inbound.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.platform.startup.Readiness;
import org.switchboard.routing.control.Router;

/**
 * Every few seconds: process inbound items that are due (failed earlier, or left by a receiver that
 * died, e.g. a crash between journal and processing); every 30 seconds: drain the routing backlog
 * as a safety net for missed triggers. Non-persistent timers, on every instance; item and ticket
 * row locks keep instances from doing the same work twice.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InboundSchedule {

    private final AtomicBoolean retrying = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();

    @Inject
    InboundPipeline pipeline;

    @Inject
    Router router;

    @Inject
    Readiness readiness;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void retryDueItems() {
        if (readiness.isReady() && retrying.compareAndSet(false, true)) {
            try {
                while (pipeline.processDue(200) == 200) {
                    // a backlog: keep going until it is worked off
                }
            } finally {
                retrying.set(false);
            }
        }
    }

    @Schedule(hour = "*", minute = "*", second = "15,45", persistent = false)
    void drainRoutingBacklog() {
        if (readiness.isReady() && draining.compareAndSet(false, true)) {
            try {
                router.drainBacklog(500);
            } finally {
                draining.set(false);
            }
        }
    }
}
