package org.switchboard.channels.email.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.switchboard.channels.email.control.MailboxWatcher;
import org.switchboard.platform.startup.Readiness;

/**
 * Every 10 seconds: make sure every fetched mailbox has its watcher (at startup, after a crash of
 * one, when another instance gave a lease up). Non-persistent timers on every instance.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailSchedule {

    @Inject
    MailboxWatcher watcher;

    @Inject
    Readiness readiness;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void watchMailboxes() {
        if (readiness.isReady()) {
            watcher.ensureWatching();
        }
    }
}
