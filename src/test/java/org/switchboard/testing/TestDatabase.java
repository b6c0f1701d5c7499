package org.switchboard.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
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
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        String url = System.getenv("SWITCHBOARD_DB_URL");
        if (url != null && url.startsWith("jdbc:postgresql://")) {
            postgresAdminUrl = url;
            postgresName = "sb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + postgresName);
            environment.put("SWITCHBOARD_DB_URL", url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + postgresName));
            copy("SWITCHBOARD_DB_USER");
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

    /** SWITCHBOARD_* variables that point a server at this database. */
    public Map<String, String> environment() {
        return new HashMap<>(environment);
    }

    public String kind() {
        return postgresName == null ? "H2" : "PostgreSQL";
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgresAdminUrl, System.getenv("SWITCHBOARD_DB_USER"), System.getenv("SWITCHBOARD_DB_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        if (postgresName != null) {
            execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        }
    }
}
