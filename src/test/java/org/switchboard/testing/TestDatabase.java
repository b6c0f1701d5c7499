package org.switchboard.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for a test that starts servers itself: a fresh H2 data folder, or, when
 * SWITCHBOARD_DB_URL names PostgreSQL, a fresh database on that server, dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {

    private final Map<String, String> environment = new HashMap<>();
    private final String postgresAdminUrl;
    private final String postgresName;

    public TestDatabase(Path dataDir) throws SQLException {
        this(dataDir, System.getenv("SWITCHBOARD_DB_URL"));
    }

    /** Always PostgreSQL: {@code SWITCHBOARD_DB_URL}, else the local server's {@code postgres} database. */
    public static TestDatabase postgresql(Path dataDir) throws SQLException {
        String url = System.getenv("SWITCHBOARD_DB_URL");
        return new TestDatabase(dataDir, url != null && url.startsWith("jdbc:postgresql://") ? url : "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private TestDatabase(Path dataDir, String url) throws SQLException {
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        if (url != null && url.startsWith("jdbc:postgresql://")) {
            postgresAdminUrl = url;
            postgresName = "sb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + postgresName);
            environment.put("SWITCHBOARD_DB_URL", url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + postgresName));
            environment.put("SWITCHBOARD_DB_USER", user());
            copy("SWITCHBOARD_DB_PASSWORD");
        } else {
            postgresAdminUrl = null;
            postgresName = null;
        }
    }

    private void copy(String name) {
        String value = System.getenv(name);
        if (value != null) {
            environment.put(name, value);
        }
    }

    private static String user() {
        String user = System.getenv("SWITCHBOARD_DB_USER");
        return user == null ? "postgres" : user;
    }

    /** SWITCHBOARD_* variables that point a server at this database. */
    public Map<String, String> environment() {
        return new HashMap<>(environment);
    }

    public String kind() {
        return postgresName == null ? "H2" : "PostgreSQL";
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgresAdminUrl, user(), System.getenv("SWITCHBOARD_DB_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * When the server runs with autovacuum off (as this machine's does), does what autovacuum would
     * do on a production server, by its own settings: every {@code autovacuum_naptime} it analyzes
     * the tables changed by more than {@code autovacuum_analyze_threshold} rows plus
     * {@code autovacuum_analyze_scale_factor} of their size, and vacuums those past the vacuum and
     * insert thresholds. Without statistics PostgreSQL plans for empty tables however large they
     * grow; analyzing more often than autovacuum would (every few seconds, as this did before) costs
     * PostgreSQL a good part of a core once tables hold a few hundred thousand rows. Start it after
     * the migrations; close the result to stop.
     */
    public AutoCloseable analyzeLikeAutovacuum() throws SQLException {
        if (postgresName == null) {
            return () -> { };
        }
        String url = environment.get("SWITCHBOARD_DB_URL");
        try (Connection c = DriverManager.getConnection(url, user(), System.getenv("SWITCHBOARD_DB_PASSWORD"));
             Statement s = c.createStatement(); var rs = s.executeQuery("SHOW autovacuum")) {
            if (rs.next() && "on".equals(rs.getString(1))) {
                return () -> { };
            }
        }
        Thread autovacuum = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, user(), System.getenv("SWITCHBOARD_DB_PASSWORD"));
                 Statement s = c.createStatement()) {
                long naptimeSeconds;
                try (var rs = s.executeQuery("SELECT setting::bigint FROM pg_settings WHERE name = 'autovacuum_naptime'")) {
                    rs.next();
                    naptimeSeconds = rs.getLong(1);
                }
                while (true) {
                    for (String statement : autovacuumWork(s)) {
                        s.execute(statement);
                    }
                    Thread.sleep(naptimeSeconds * 1000);
                }
            } catch (InterruptedException | SQLException over) {
                // stopped, or the database was dropped: the run is over
            }
        }, "autovacuum stand-in");
        autovacuum.setDaemon(true);
        autovacuum.start();
        return autovacuum::interrupt;
    }

    /** The VACUUM and ANALYZE statements autovacuum's thresholds call for now. */
    private static List<String> autovacuumWork(Statement s) throws SQLException {
        List<String> work = new ArrayList<>();
        try (var rs = s.executeQuery("""
                SELECT quote_ident(t.schemaname) || '.' || quote_ident(t.relname),
                       t.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                           + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0),
                       t.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                           + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
                       OR t.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
                           + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * greatest(c.reltuples, 0)
                FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid""")) {
            while (rs.next()) {
                boolean analyze = rs.getBoolean(2);
                boolean vacuum = rs.getBoolean(3);
                if (analyze || vacuum) {
                    work.add((vacuum && analyze ? "VACUUM ANALYZE " : vacuum ? "VACUUM " : "ANALYZE ") + rs.getString(1));
                }
            }
        }
        return work;
    }

    @Override
    public void close() throws SQLException {
        if (postgresName != null) {
            execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        }
    }
}
