package org.switchboard.channels.email.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.switchboard.channels.email.control.MailDelivery;
import org.switchboard.channels.email.control.MailboxWatcher;
import org.switchboard.platform.startup.Readiness;

/**
 * Every 5 seconds: send replies that are due (retries; first attempts go right after the commit).
 * Every 10 seconds: make sure every fetched mailbox has its watcher (at startup, after a crash of
 * one, when another instance gave a lease up). Non-persistent timers on every instance.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailSchedule {

    private final AtomicBoolean sending = new AtomicBoolean();

    @Inject
    MailDelivery delivery;

    @Inject
    MailboxWatcher watcher;

    @Inject
    Readiness readiness;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sendDueReplies() {
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

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void watchMailboxes() {
        if (readiness.isReady()) {
            watcher.ensureWatching();
        }
    }
}
