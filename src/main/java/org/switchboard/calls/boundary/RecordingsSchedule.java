package org.switchboard.calls.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.switchboard.calls.control.Recordings;
import org.switchboard.platform.startup.Readiness;

/** Every 5 seconds, on every instance: fetch the voicemail recordings that are due into attachments. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecordingsSchedule {

    private final AtomicBoolean fetching = new AtomicBoolean();

    @Inject
    Recordings recordings;

    @Inject
    Readiness readiness;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void fetchDue() {
        if (readiness.isReady() && fetching.compareAndSet(false, true)) {
            try {
                recordings.fetchDue(20);
            } finally {
                fetching.set(false);
            }
        }
    }
}
