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

    /** Starts take 12–30 s here; as long as Arquillian allows its own starts, so a slow machine is not mistaken for a hang. */
    private static final Duration STARTUP = Duration.ofSeconds(240);
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

    @Test
    void aServerKilledInTheMiddleOfAMailboxFetchLosesAndDoublesNoMail() throws Exception {
        int mails = 400;
        int imapPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            imapPort = socket.getLocalPort();
        }
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(imapPort, "127.0.0.1", "imap"));
        mail.start();
        String address = "crash-mailbox@acme.test";
        mail.setUser(address, address, "mailbox-pw");
        try (TestDatabase database = new TestDatabase(temp.resolve("data"))) {
            jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
            try (jakarta.mail.Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", imapPort, address, "mailbox-pw");
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                for (int i = 0; i < mails; i++) {
                    jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
                    message.setFrom("sender" + i + "@example.com");
                    message.setSubject("crash-" + i);
                    message.setText("Mail " + i + " of the mailbox the server dies fetching.");
                    inbox.appendMessages(new jakarta.mail.Message[]{message});
                }
            }
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", "crash-admin-password");
            long channelId;
            int beforeKill;
            try (ServerProcess server = ServerProcess.start(env, temp.resolve("crash-first.log"))) {
                server.awaitHealthy(STARTUP);
                ApiClient api = new ApiClient(server.base(), "crash-admin-password");
                channelId = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"Crash mailbox\"}").getJsonNumber("id").longValue();
                var connected = api.send("PUT", "/api/v1/channels/" + channelId + "/email", "{\"kind\":\"OTHER\",\"address\":\"" + address
                        + "\",\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + imapPort + ",\"security\":\"NONE\"},\"secret\":\"mailbox-pw\"}");
                assertEquals(200, connected.statusCode(), connected.body());
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                do {
                    Thread.sleep(100);
                    beforeKill = subjects(api, channelId).size();
                } while (beforeKill < 30 && System.nanoTime() < deadline);
                server.kill();
            }
            assertTrue(beforeKill >= 30 && beforeKill < mails, "killed in the middle of the fetch: " + beforeKill + " of " + mails + " taken in");
            try (ServerProcess server = ServerProcess.start(env, temp.resolve("crash-second.log"))) {
                server.awaitHealthy(STARTUP);
                ApiClient api = new ApiClient(server.base(), "crash-admin-password");
                // the dead instance's lease on the mailbox runs out (60 s), then the new one fetches the rest
                long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                java.util.List<String> subjects;
                do {
                    Thread.sleep(1000);
                    subjects = subjects(api, channelId);
                } while (subjects.size() < mails && System.nanoTime() < deadline);
                Thread.sleep(2000);
                subjects = subjects(api, channelId);
                assertEquals(mails, subjects.size(), "every mail became exactly one ticket (killed after " + beforeKill + ")");
                assertEquals(mails, new java.util.HashSet<>(subjects).size(), "no mail was taken in twice");
            }
        } finally {
            mail.stop();
        }
    }

    @Test
    void anImportWhoseServerWasKilledRestartsWithExactCounts() throws Exception {
        int mails = 1500;
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < mails; i++) {
            mbox.append("From archive@example.com Mon Nov 23 10:00:00 2026\n")
                    .append("From: sender").append(i).append("@example.com\nTo: history@acme.test\nSubject: archived-").append(i)
                    .append("\nMessage-ID: <archived-").append(i).append("@example.com>\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n\nMail ")
                    .append(i).append(" of the archive.\n\n");
        }
        try (TestDatabase database = new TestDatabase(temp.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", "import-admin-password");
            long channelId;
            long runId;
            long writtenBeforeKill;
            long finishedRunId;
            try (ServerProcess server = ServerProcess.start(env, temp.resolve("import-first.log"))) {
                server.awaitHealthy(STARTUP);
                ApiClient api = new ApiClient(server.base(), "import-admin-password");
                channelId = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"Archive\"}").getJsonNumber("id").longValue();
                var stored = api.http().post("/api/v1/imports/archives?name=history.mbox", "application/octet-stream",
                        mbox.toString().getBytes(StandardCharsets.UTF_8), "Authorization", api.bearer());
                assertEquals(201, stored.statusCode(), stored.body());
                String archiveId = ApiClient.object(stored).getString("archiveId");
                // a small import that finishes before the crash: the next server still knows how it ended
                var small = api.http().post("/api/v1/imports/archives?name=small.mbox", "application/octet-stream",
                        ("From sender@example.com Mon Nov 23 10:00:00 2026\nFrom: small@example.com\nTo: history@acme.test\nSubject: small"
                                + "\nMessage-ID: <small@example.com>\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n\nOne mail.\n\n").getBytes(StandardCharsets.UTF_8),
                        "Authorization", api.bearer());
                long smallChannel = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"Small archive\"}").getJsonNumber("id").longValue();
                finishedRunId = api.create("/api/v1/imports/mailbox", "{\"channelId\":" + smallChannel + ",\"source\":\"ARCHIVE\",\"archiveId\":\""
                        + ApiClient.object(small).getString("archiveId") + "\"}").getJsonNumber("runId").longValue();
                long finishing = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!ApiClient.object(api.get("/api/v1/imports/" + finishedRunId)).getString("status").equals("COMPLETED") && System.nanoTime() < finishing) {
                    Thread.sleep(100);
                }
                runId = api.create("/api/v1/imports/mailbox", "{\"channelId\":" + channelId + ",\"source\":\"ARCHIVE\",\"archiveId\":\""
                        + archiveId + "\",\"chunkSize\":10}").getJsonNumber("runId").longValue();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                do {
                    Thread.sleep(100);
                    writtenBeforeKill = ApiClient.object(api.get("/api/v1/imports/" + runId)).getJsonNumber("written").longValue();
                } while (writtenBeforeKill < 100 && System.nanoTime() < deadline);
                server.kill();
            }
            assertTrue(writtenBeforeKill >= 100 && writtenBeforeKill < mails, "killed in the middle: " + writtenBeforeKill);
            try (ServerProcess server = ServerProcess.start(env, temp.resolve("import-second.log"))) {
                server.awaitHealthy(STARTUP);
                ApiClient api = new ApiClient(server.base(), "import-admin-password");
                var before = ApiClient.object(api.get("/api/v1/imports/" + runId));
                assertTrue(before.getString("status").startsWith("UNKNOWN"), "the new server does not know the crashed execution: " + before);
                var finished = ApiClient.object(api.get("/api/v1/imports/" + finishedRunId));
                assertEquals("COMPLETED", finished.getString("status"), "a run that ended before the restart says how it ended: " + finished);
                assertEquals(1, finished.getInt("written"), finished.toString());
                var restarted = api.post("/api/v1/imports/" + runId + "/restart", "{}");
                assertEquals(202, restarted.statusCode(), restarted.body());
                long second = ApiClient.object(restarted).getJsonNumber("runId").longValue();
                long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
                jakarta.json.JsonObject run;
                do {
                    Thread.sleep(500);
                    run = ApiClient.object(api.get("/api/v1/imports/" + second));
                } while (!run.getString("status").equals("COMPLETED") && !run.getString("status").equals("FAILED") && System.nanoTime() < deadline);
                assertEquals("COMPLETED", run.getString("status"), run.toString());
                java.util.List<String> subjects = subjects(api, channelId);
                assertEquals(mails, subjects.size(), "every archived mail exactly once (killed after " + writtenBeforeKill + "): "
                        + repeated(api, channelId));
                assertEquals(mails, new java.util.HashSet<>(subjects).size());
                var crashed = ApiClient.object(api.get("/api/v1/imports/" + runId));
                assertEquals(mails, crashed.getJsonNumber("written").longValue() + run.getJsonNumber("written").longValue(),
                        "the crashed run and its restart add up: " + crashed + " / " + run);
                assertEquals(crashed.getJsonNumber("written").longValue(), run.getJsonNumber("alreadyImported").longValue(), run.toString());
            }
        }
    }

    /** The tickets whose subject occurs more than once, with what each holds: the evidence when a count is off. */
    private static String repeated(ApiClient api, long channelId) {
        Map<String, java.util.List<jakarta.json.JsonObject>> bySubject = new java.util.TreeMap<>();
        String cursor = null;
        do {
            var page = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.getJsonArray("items").forEach(t -> bySubject.computeIfAbsent(t.asJsonObject().getString("subject"), k -> new java.util.ArrayList<>())
                    .add(t.asJsonObject()));
            cursor = !page.containsKey("nextCursor") || page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        StringBuilder evidence = new StringBuilder();
        bySubject.forEach((subject, tickets) -> {
            if (tickets.size() > 1) {
                for (jakarta.json.JsonObject ticket : tickets) {
                    evidence.append("\n").append(subject).append(" → ").append(ticket).append("\n   detail: ")
                            .append(api.get("/api/v1/tickets/" + ticket.getJsonNumber("id")).body());
                }
            }
        });
        return evidence.length() == 0 ? "no subject twice; the pages repeat or hold other tickets" : evidence.toString();
    }

    private static java.util.List<String> subjects(ApiClient api, long channelId) {
        java.util.List<String> subjects = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.getJsonArray("items").forEach(t -> subjects.add(t.asJsonObject().getString("subject")));
            cursor = !page.containsKey("nextCursor") || page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        return subjects;
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
