package org.switchboard.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps the database's row estimates up with a bulk write. A migration fills empty tables with
 * thousands of rows a minute; until the database re-reads their statistics its planner still
 * believes them empty and answers a batch's IN-list look-ups by filtering every row of the
 * channel — on PostgreSQL each look-up took 30–70 ms after 10,000 imported mails, and more with
 * every chunk. A fresh installation's first minutes of live traffic are the same (8–10 ms per look-up
 * of the inbound group commit after 4,000 messages). PostgreSQL's own autovacuum catches up only a
 * minute or more later. So the bulk writers (the import's chunks, the inbound group commit) report
 * what they wrote, and the tables are analyzed each time the rows written since the application
 * started have doubled: a handful of times in all, never per batch.
 */
@ApplicationScoped
public class TableStatistics {

    private static final Logger LOG = Logger.getLogger(TableStatistics.class.getName());
    static final long FIRST_REFRESH = 1_000;

    @Resource(lookup = "java:app/jdbc/switchboard")
    DataSource dataSource;

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong nextRefresh = new AtomicLong(FIRST_REFRESH);

    /**
     * Counts rows written into these tables; analyzes them when the count has doubled since the last
     * time. Outside any transaction: the caller's (a batch chunk's) must not take in a second resource.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void wrote(long rows, List<String> tables) {
        long total = written.addAndGet(rows);
        long due = nextRefresh.get();
        if (total >= due && nextRefresh.compareAndSet(due, Math.max(due, total) * 2)) {
            refresh(tables);
        }
    }

    /** Analyzes the tables in a connection of its own (autocommit): no caller's transaction waits on it. */
    void refresh(List<String> tables) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                statement.execute("ANALYZE " + String.join(", ", tables));
            } else if (product.contains("h2")) {
                for (String table : tables) {
                    statement.execute("ANALYZE TABLE " + table);
                }
            }
        } catch (SQLException e) {
            // only the planner's estimates are late: the write itself is done and correct
            LOG.log(Level.WARNING, "Could not refresh the statistics of " + tables + ": " + e.getMessage());
        }
    }
}
