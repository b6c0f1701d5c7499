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
 * <p>
 * An open ticket page needs more than "something changed": it re-renders its conversation only when
 * its own ticket changed, and at once. So the ids go too, as the live event
 * {@code tickets:<id>,<id>…} (at once after a quiet moment, else the ids of a
 * {@value #TICKET_COALESCE_MILLIS} ms window together; more than {@value #MAX_IDS} ids say
 * {@code tickets:*}, all of them), pushed to the pages as the message {@code tickets:…}, which the
 * ticket page matches against its own id; list pages ignore it.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());
    static final long COALESCE_MILLIS = 300;
    static final String TOPIC = "helpdesk";
    static final String TICKETS = "tickets:";
    static final long TICKET_COALESCE_MILLIS = 50;
    static final int MAX_IDS = 200;

    @Inject
    @Push(channel = "helpdesk")
    PushContext helpdesk;

    @Inject
    Background background;

    @Inject
    LiveEvents live;

    private long lastPublishedNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS);
    private boolean trailingScheduled;
    private long lastTicketsNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(TICKET_COALESCE_MILLIS);
    private final java.util.Set<Long> pendingTicketIds = new java.util.LinkedHashSet<>();
    private boolean ticketsScheduled;

    void listen(@Observes SchemaReady ready) {
        live.subscribe(TOPIC, this::push);
        live.subscribeFamily(TICKETS, this::pushTickets);
    }

    synchronized void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketActivity activity) {
        ticketsChanged(activity.ticketIds());
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

    /** The ticket pages' part: these tickets' ids, at once or with the others of a short window. */
    private void ticketsChanged(java.util.List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return;
        }
        pendingTicketIds.addAll(ticketIds);
        if (ticketsScheduled) {
            return;
        }
        long wait = lastTicketsNanos + TimeUnit.MILLISECONDS.toNanos(TICKET_COALESCE_MILLIS) - System.nanoTime();
        try {
            if (wait <= 0) {
                String topic = takeTicketsTopic();
                background.execute(() -> live.publish(topic));
            } else {
                ticketsScheduled = true;
                background.schedule(this::publishTicketsTrailing, wait, TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException stopping) {
            ticketsScheduled = false; // the application is stopping
        }
    }

    private void publishTicketsTrailing() {
        String topic;
        synchronized (this) {
            ticketsScheduled = false;
            topic = takeTicketsTopic();
        }
        live.publish(topic);
    }

    /** The ids gathered so far as one topic; called holding the lock. */
    private String takeTicketsTopic() {
        lastTicketsNanos = System.nanoTime();
        String topic = TICKETS + (pendingTicketIds.size() > MAX_IDS ? "*"
                : pendingTicketIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        pendingTicketIds.clear();
        return topic;
    }

    private void pushTickets(String topic) {
        try {
            helpdesk.send(topic.equals(TICKETS) ? TICKETS + "*" : topic);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Live update not sent", e);
        }
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
