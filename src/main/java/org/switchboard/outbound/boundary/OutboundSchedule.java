package org.switchboard.outbound.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.switchboard.outbound.control.OutboundDelivery;
import org.switchboard.platform.startup.Readiness;

/** Every 5 seconds, on every instance: send the messages that are due (retries; first attempts go right after the commit). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboundSchedule {

    private final AtomicBoolean sending = new AtomicBoolean();

    @Inject
    OutboundDelivery delivery;

    @Inject
    Readiness readiness;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sendDue() {
        if (readiness.isReady() && sending.compareAndSet(false, true)) {
            try {
                while (delivery.sendDue(100) == 100) {
                    // a backlog: keep going
                }
            } finally {
                sending.set(false);
            }
        }
    }
}
