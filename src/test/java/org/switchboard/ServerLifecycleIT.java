package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.HttpSession;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.SmokeChecks;
import org.switchboard.testing.TestDatabase;

/**
 * Starts Switchboard the way the README does (no Arquillian) to check what only a real start and
 * restart show: the generated admin password, data surviving a restart, and a wrong setting.
 */
class ServerLifecycleIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("with password: (\\S+)");

    @TempDir
    Path temp;

    @Test
    void firstStartPrintsTheAdminPasswordOnceARestartKeepsTheDataAndFinishesWhatACrashLeft() throws Exception {
        try (TestDatabase database = new TestDatabase(temp.resolve("data"))) {
            Map<String, String> env = database.environment();
            String password;
            String token;
            long channelId;
            try (ServerProcess server = ServerProcess.start(env, temp.resolve("first.log"))) {
                Duration startup = server.awaitHealthy(STARTUP);
                System.out.printf("Cold start on %s: healthy after %d ms%n", database.kind(), startup.toMillis());
                Matcher printed = PRINTED_PASSWORD.matcher(server.log());
                assertTrue(printed.find(), "the generated admin password is printed on first start");
                password = printed.group(1);
                HttpSession http = new HttpSession(server.base());
                assertEquals(200, http.get("/login.xhtml").statusCode());
                var created = http.postJson("/api/v1/api-tokens", "{\"name\":\"survives restart\"}", "Authorization", HttpSession.basic("admin", password));
                assertEquals(201, created.statusCode(), created.body());
                token = Json.createReader(new StringReader(created.body())).readObject().getString("token");
                channelId = new ApiClient(server.base(), password).create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"Crash test\"}")
                        .getJsonNumber("id").longValue();
            }
            // The state a crash between journaling and processing leaves: a committed, unprocessed item.
            journalWithoutProcessing(env, channelId, "{\"externalId\":\"journaled-before-crash\",\"from\":{\"email\":\"crash@example.com\"},\"subject\":\"Left behind\",\"text\":\"x\"}");
            try (ServerProcess server = ServerProcess.start(env, temp.resolve("second.log"))) {
                Duration startup = server.awaitHealthy(STARTUP);
                System.out.printf("Warm start on %s: healthy after %d ms%n", database.kind(), startup.toMillis());
                assertFalse(PRINTED_PASSWORD.matcher(server.log()).find(), "the password is shown once only");
                HttpSession http = new HttpSession(server.base());
                assertEquals(200, http.get("/api/v1/api-tokens", "Authorization", "Bearer " + token).statusCode(), "the token survived the restart");
                assertEquals(201, http.postJson("/api/v1/api-tokens", "{\"name\":\"again\"}", "Authorization", HttpSession.basic("admin", password)).statusCode());
                SmokeChecks.run(server.base(), password); // the same checks WildFlyDeployIT runs on WildFly
                ApiClient api = new ApiClient(server.base(), password);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                JsonArray items;
                do {
                    Thread.sleep(500);
                    items = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items");
                } while (items.isEmpty() && System.nanoTime() < deadline);
                assertEquals(1, items.size(), "the item journaled before the crash became a ticket after the restart");
                assertEquals("Left behind", items.getJsonObject(0).getString("subject"));
            }
        }
    }

    /** Inserts an inbound item as the journal does, with no processing after it. */
    private static void journalWithoutProcessing(Map<String, String> env, long channelId, String json) throws SQLException {
        String url = env.getOrDefault("SWITCHBOARD_DB_URL", "jdbc:h2:file:" + Path.of(env.get("SWITCHBOARD_DATA_DIR")).resolve("db").resolve("switchboard"));
        String user = env.getOrDefault("SWITCHBOARD_DB_USER", url.startsWith("jdbc:h2:") ? "sa" : null);
        try (Connection c = DriverManager.getConnection(url, user, env.getOrDefault("SWITCHBOARD_DB_PASSWORD", url.startsWith("jdbc:h2:") ? "" : null));
             PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_items (id, channel_id, idempotency_key, content_type, payload, "
                     + "received_at, state, attempts, next_attempt_at, version) VALUES (987654321, ?, 'journaled-before-crash', "
                     + "'application/vnd.switchboard.message+json', ?, ?, 'PENDING', 0, ?, 0)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setLong(1, channelId);
            insert.setBytes(2, json.getBytes(StandardCharsets.UTF_8));
            insert.setObject(3, now);
            insert.setObject(4, now);
            insert.executeUpdate();
        }
    }

    @Test
    void aWrongSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Map<String, String> env = Map.of("SWITCHBOARD_DATA_DIR", temp.resolve("bad").toString(), "SWITCHBOARD_DB_URL", "jdbc:mysql://localhost/helpdesk");
        try (ServerProcess server = ServerProcess.start(env, temp.resolve("bad.log"))) {
            String log = server.awaitLog("Switchboard cannot start. Setting SWITCHBOARD_DB_URL (switchboard.db.url) is wrong", STARTUP);
            assertTrue(log.contains("jdbc:postgresql://"), "the message says what would be right");
            server.awaitLog("ready in", STARTUP);
            HttpSession http = new HttpSession(server.base());
            assertNotEquals(200, http.get("/health").statusCode(), "not healthy");
            assertNotEquals(200, http.get("/login.xhtml").statusCode(), "the application is not serving");
        }
    }
}
