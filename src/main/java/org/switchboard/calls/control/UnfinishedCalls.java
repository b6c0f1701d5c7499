package org.switchboard.calls.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.conversations.entity.Call;
import org.switchboard.conversations.entity.CallState;
import org.switchboard.routing.control.Router;

/**
 * Calls whose end never came (a phone system that lost the hangup, Zammad #1478): a live call with no
 * event until its give-up time is closed as "ended, no hangup received" — missed if nobody answered, so
 * its ticket is routed for a call-back. A real hangup arriving later still sets the true end.
 */
@ApplicationScoped
public class UnfinishedCalls {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallLog log;

    @Inject
    Router router;

    @Inject
    UnfinishedCalls self;

    /** Closes up to {@code limit} overdue calls and routes the tickets that need a call-back; answers how many were routed. Called outside a transaction. */
    public int closeOverdue(int limit) {
        List<Long> toRoute = self.close(limit);
        toRoute.forEach(router::route);
        return toRoute.size();
    }

    /** Closes overdue calls in one transaction; answers the tickets to route. Rows are locked: another instance waits, then sees them closed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> close(int limit) {
        Instant now = Instant.now();
        List<Long> ids = em.createQuery("SELECT c.id FROM Call c WHERE c.state IN :live AND c.giveUpAt <= :now ORDER BY c.giveUpAt", Long.class)
                .setParameter("live", List.of(CallState.RINGING, CallState.IN_PROGRESS)).setParameter("now", now).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // locked in a second query: a row lock with a row limit is not portable SQL (EclipseLink writes FOR UPDATE LIMIT for H2)
        List<Call> overdue = em.createQuery("SELECT c FROM Call c WHERE c.id IN :ids", Call.class).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        List<Long> route = new ArrayList<>();
        for (Call call : overdue) {
            if (call.getState().live() && call.getGiveUpAt() != null && !call.getGiveUpAt().isAfter(now) && log.gaveUp(call, now)) {
                route.add(call.getMessage().getTicket().getId());
            }
        }
        return route;
    }
}
