package org.switchboard.workspace.boundary;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * rights. Changes are coalesced: one event at most every {@value #COALESCE_MILLIS} ms however many
 * tickets changed, so a burst of inbound mail neither makes every page reload per ticket nor costs
 * each commit an event.
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

    private final AtomicBoolean pending = new AtomicBoolean();

    void listen(@Observes SchemaReady ready) {
        live.subscribe(TOPIC, this::push);
    }

    void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketActivity activity) {
        if (pending.compareAndSet(false, true)) {
            try {
                background.schedule(this::publish, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopping) {
                pending.set(false); // the application is stopping
            }
        }
    }

    private void publish() {
        pending.set(false);
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
