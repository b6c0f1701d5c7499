package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void firstStartPrintsTheAdminPasswordOnceAndARestartKeepsTheData() throws Exception {
        try (TestDatabase database = new TestDatabase(temp.resolve("data"))) {
            Map<String, String> env = database.environment();
            String password;
            String token;
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
            }
            try (ServerProcess server = ServerProcess.start(env, temp.resolve("second.log"))) {
                Duration startup = server.awaitHealthy(STARTUP);
                System.out.printf("Warm start on %s: healthy after %d ms%n", database.kind(), startup.toMillis());
                assertFalse(PRINTED_PASSWORD.matcher(server.log()).find(), "the password is shown once only");
                HttpSession http = new HttpSession(server.base());
                assertEquals(200, http.get("/api/v1/api-tokens", "Authorization", "Bearer " + token).statusCode(), "the token survived the restart");
                assertEquals(201, http.postJson("/api/v1/api-tokens", "{\"name\":\"again\"}", "Authorization", HttpSession.basic("admin", password)).statusCode());
                SmokeChecks.run(server.base(), password); // the same checks WildFlyDeployIT runs on WildFly
            }
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
