package org.switchboard.calls.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.switchboard.calls.control.UnfinishedCalls;
import org.switchboard.platform.startup.Readiness;

/** Every 30 seconds, on every instance: close the calls whose end never came (their rows are locked, so instances do not collide). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UnfinishedCallsSchedule {

    private final AtomicBoolean closing = new AtomicBoolean();

    @Inject
    UnfinishedCalls calls;

    @Inject
    Readiness readiness;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void closeOverdue() {
        if (readiness.isReady() && closing.compareAndSet(false, true)) {
            try {
                calls.closeOverdue(100);
            } finally {
                closing.set(false);
            }
        }
    }
}
