package org.switchboard.conversations.boundary;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.switchboard.conversations.control.RemoteFiles;
import org.switchboard.platform.startup.Readiness;

/** Every 5 seconds, on every instance: fetch the files messages name (WhatsApp media) that are due into attachments. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RemoteFilesSchedule {

    private final AtomicBoolean fetching = new AtomicBoolean();

    @Inject
    RemoteFiles files;

    @Inject
    Readiness readiness;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void fetchDue() {
        if (readiness.isReady() && fetching.compareAndSet(false, true)) {
            try {
                files.fetchDue(20);
            } finally {
                fetching.set(false);
            }
        }
    }
}
