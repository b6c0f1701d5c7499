package org.switchboard.workspace.boundary;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

import org.switchboard.platform.concurrent.Background;
import org.switchboard.platform.live.LiveEvents;
import org.switchboard.platform.startup.SchemaReady;
import org.switchboard.tickets.control.TicketActivity;

/**
 * Tells every open workspace page, on every instance, that tickets changed: a change committed here
 * is published as the live event {@value #TOPIC}, and each instance that hears it pushes "activity"
 * on the Faces WebSocket channel "helpdesk"; the pages then re-render their lists over Ajax. The
 * message says only that something changed — what a page shows it reads with its own user's
 * rights. The first change after a quiet moment goes out at once (a chat message should show within
 * a blink); changes right after it are coalesced into one event at the end of a
 * {@value #COALESCE_MILLIS} ms window, so a burst of inbound mail neither makes every page reload per
 * ticket nor costs each commit an event.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());
    static final long COALESCE_MILLIS = 300;
    static final String TOPIC = "helpdesk";

    @Inject
    @Push(channel = "helpdesk")
    PushContext helpdesk;

    @Inject
    Background background;

    @Inject
    LiveEvents live;

    private long lastPublishedNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS);
    private boolean trailingScheduled;

    void listen(@Observes SchemaReady ready) {
        live.subscribe(TOPIC, this::push);
    }

    synchronized void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketActivity activity) {
        if (trailingScheduled) {
            return; // the event at the end of this window covers it
        }
        long now = System.nanoTime();
        long wait = lastPublishedNanos + TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS) - now;
        try {
            if (wait <= 0) {
                lastPublishedNanos = now;
                background.execute(() -> live.publish(TOPIC));
            } else {
                trailingScheduled = true;
                background.schedule(this::publishTrailing, wait, TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException stopping) {
            trailingScheduled = false; // the application is stopping
        }
    }

    private void publishTrailing() {
        synchronized (this) {
            trailingScheduled = false;
            lastPublishedNanos = System.nanoTime();
        }
        live.publish(TOPIC);
    }

    private void push() {
        try {
            helpdesk.send("activity");
        } catch (RuntimeException e) {
            // a page that misses a push still shows the change on its next request
            LOG.log(Level.FINE, "Live update not sent", e);
        }
    }
}
