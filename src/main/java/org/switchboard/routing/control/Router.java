package org.switchboard.routing.control;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Routes tickets outside any caller transaction, retrying a routing that lost a race (the chosen
 * agent filled up, a lock conflict or deadlock). A ticket that still cannot be routed stays in
 * the queue; the backlog drain tries it again.
 */
@ApplicationScoped
public class Router {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    static final int ATTEMPTS = 5;

    @Inject
    RoutingService routing;

    public RoutingDecision.Outcome route(long ticketId) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return routing.route(ticketId);
            } catch (RuntimeException lostRace) {
                last = lostRace;
                backOff(attempt);
            }
        }
        LOG.log(Level.WARNING, "Ticket " + ticketId + " stays in the routing queue after " + ATTEMPTS + " attempts", last);
        return RoutingDecision.Outcome.WAITING;
    }

    /** Assigns waiting tickets, oldest first; returns how many got an agent. */
    public int drainBacklog(int limit) {
        int assigned = 0;
        for (Long id : routing.waiting(limit)) {
            if (route(id) == RoutingDecision.Outcome.ASSIGNED) {
                assigned++;
            }
        }
        return assigned;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(5L * attempt + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
