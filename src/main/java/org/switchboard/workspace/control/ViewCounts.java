package org.switchboard.workspace.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * How many tickets each workspace view holds, for the sidebar. Counts stop at {@link #CAP}: an
 * exact count over a million closed tickets costs a scan on every page view, and "10,000+" tells
 * an agent as much.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ViewCounts {

    public static final int CAP = 10_000;

    @PersistenceContext
    EntityManager em;

    /** A count, and whether it reached the cap. */
    public record Count(long value, boolean capped) {
    }

    public record Counts(Count unassigned, Count mine, Count open, Count closed, Map<Long, Count> openByChannel) {
    }

    public Counts of(Long userId, List<Long> channelIds) {
        Count unassigned = count("is_open = 1 AND owner_id IS NULL ORDER BY owner_id, is_open, updated_at", null);
        Count mine = userId == null ? new Count(0, false) : count("is_open = 1 AND owner_id = ?1 ORDER BY owner_id, is_open, updated_at", userId);
        Count open = count("is_open = 1 ORDER BY is_open, updated_at", null);
        Count closed = count("is_open = 0 ORDER BY is_open, updated_at", null);
        Map<Long, Count> byChannel = new LinkedHashMap<>();
        for (Long channelId : channelIds) {
            byChannel.put(channelId, count("channel_id = ?1 AND is_open = 1 ORDER BY channel_id, is_open, updated_at", channelId));
        }
        return new Counts(unassigned, mine, open, closed, byChannel);
    }

    /**
     * @param where the condition, ordered like the index that serves it: without the order, PostgreSQL
     *              takes the first 10,001 matches from a table scan, which for the newest tickets
     *              (open ones) reads nearly the whole table first
     */
    private Count count(String where, Long parameter) {
        var query = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM tickets WHERE " + where + " FETCH FIRST " + (CAP + 1)
                + " ROWS ONLY) bounded");
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        long value = ((Number) query.getSingleResult()).longValue();
        return value > CAP ? new Count(CAP, true) : new Count(value, false);
    }
}
