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
import jakarta.json.JsonObject;

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

    /**
     * Two instances on one PostgreSQL database behind HAProxy: a visitor's widget (through the
     * balancer, on the first instance) and an agent signed in to the second see each other's messages
     * live; the first instance is killed and the widget goes on through the second, losing and
     * doubling nothing.
     */
    @Test
    void twoInstancesBehindABalancerShowEachOthersEventsLiveAndAVisitorLosesNothingWhenOneDies() throws Exception {
        String url = System.getenv("SWITCHBOARD_DB_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
                "several instances share a PostgreSQL database; this run is on the embedded H2");
        String password = "multi-instance-admin";
        try (TestDatabase database = new TestDatabase(temp.resolve("data"))) {
            Map<String, String> env = new java.util.HashMap<>(database.environment());
            env.put("SWITCHBOARD_ADMIN_PASSWORD", password);
            ServerProcess a = ServerProcess.start(env, temp.resolve("instance-a.log"));
            try (ServerProcess b = ServerProcess.start(env, temp.resolve("instance-b.log"))) {
                a.awaitHealthy(STARTUP);
                b.awaitHealthy(STARTUP);
                ApiClient apiA = new ApiClient(a.base(), password);
                ApiClient apiB = new ApiClient(b.base(), password);
                JsonObject channel = apiA.create("/api/v1/channels", "{\"type\":\"CHAT\",\"name\":\"Shop chat\"}");
                long channelId = channel.getJsonNumber("id").longValue();
                String chat = "/api/v1/inbound/chat/" + channel.getString("key") + "/";

                // a long poll waiting on B is woken by a reply made on A
                HttpSession onA = new HttpSession(a.base());
                HttpSession onB = new HttpSession(b.base());
                String token = ApiClient.object(onB.postJson(chat + "session", "{}")).getString("token");
                assertEquals(200, onA.postJson(chat + "messages", "{\"token\":\"" + token + "\",\"clientId\":\"m1\",\"text\":\"Hello from A\"}").statusCode());
                long firstTicket = ApiClient.object(apiB.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getJsonObject(0)
                        .getJsonNumber("id").longValue();
                java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> onB.postJson(chat + "poll", "{\"token\":\"" + token + "\",\"after\":1,\"waitSeconds\":25}"));
                Thread.sleep(700);
                long replied = System.nanoTime();
                assertEquals(202, apiA.post("/api/v1/tickets/" + firstTicket + "/replies", "{\"text\":\"Reply made on A\"}").statusCode());
                JsonObject woken = ApiClient.object(waiting.get(15, java.util.concurrent.TimeUnit.SECONDS)).getJsonArray("messages").getJsonObject(0);
                long acrossMillis = (System.nanoTime() - replied) / 1_000_000;
                System.out.printf("A reply on instance A reached a long poll on instance B after %d ms%n", acrossMillis);
                assertEquals("Reply made on A", woken.getString("text"));
                assertTrue(acrossMillis < 3000, "across instances after " + acrossMillis + " ms");

                try (org.switchboard.testing.Balancer balancer = org.switchboard.testing.Balancer.start(temp, java.util.List.of(a.base(), b.base()));
                     org.switchboard.testing.Browser agent = new org.switchboard.testing.Browser();
                     org.switchboard.testing.Browser visitor = new org.switchboard.testing.Browser()) {
                    String shop = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Shop</title></head><body><h1>Shop</h1>"
                            + "<script src=\"" + balancer.base().toString().replaceAll("/$", "") + "/widget/v1.js\" data-channel=\""
                            + channel.getString("key") + "\" async></script></body></html>";
                    try (org.switchboard.testing.HostPage site = org.switchboard.testing.HostPage.serving(path -> shop)) {
                        // the agent works on B; the visitor's widget talks to A through the balancer
                        org.openqa.selenium.WebDriver desk = agent.driver();
                        desk.get(b.base().resolve("login.xhtml").toString());
                        desk.findElement(org.openqa.selenium.By.id("login:username")).sendKeys("admin");
                        desk.findElement(org.openqa.selenium.By.id("login:password")).sendKeys(password);
                        desk.findElement(org.openqa.selenium.By.id("login:submit")).click();
                        agent.waiting().until(d -> !d.findElements(org.openqa.selenium.By.id("userMenu")).isEmpty());
                        desk.get(b.base().resolve("?view=open").toString());
                        agent.waiting().until(d -> !d.findElements(org.openqa.selenium.By.id("tickets:list")).isEmpty());

                        visitor.driver().get(site.url("/"));
                        org.openqa.selenium.SearchContext widget = visitor.waiting().until(d -> d.findElement(org.openqa.selenium.By.id("switchboard-chat"))).getShadowRoot();
                        visitor.waiting().until(d -> widget.findElement(org.openqa.selenium.By.cssSelector(".launcher"))).click();
                        widget.findElement(org.openqa.selenium.By.cssSelector("#sb-text")).sendKeys("Order 4711 is late" + org.openqa.selenium.Keys.ENTER);
                        visitor.waiting().until(d -> !widget.findElements(org.openqa.selenium.By.cssSelector("li.visitor[data-seq='1']:not(.pending)")).isEmpty());
                        assertEquals(Boolean.FALSE, ((org.openqa.selenium.JavascriptExecutor) visitor.driver()).executeScript("return window.__switchboardChat.state.polling;"),
                                "the widget talks over its WebSocket, through the balancer");
                        agent.waiting(Duration.ofSeconds(30)).until(d -> d.findElement(org.openqa.selenium.By.id("tickets:list")).getText().contains("Order 4711 is late"));
                        desk.findElement(org.openqa.selenium.By.partialLinkText("Order 4711")).click();
                        agent.waiting().until(d -> !d.findElements(org.openqa.selenium.By.id("composer:replyForm:replyText")).isEmpty());
                        long ticketId = Long.parseLong(desk.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
                        desk.findElement(org.openqa.selenium.By.id("composer:replyForm:replyText")).sendKeys("Looking into it.");
                        desk.findElement(org.openqa.selenium.By.id("composer:replyForm:send")).click();
                        visitor.waiting().until(d -> widget.findElements(org.openqa.selenium.By.cssSelector("li.agent")).size() == 1);

                        // instance A dies; the widget reconnects through the balancer to B meanwhile a reply comes and the visitor writes
                        a.kill();
                        agent.waiting().until(d -> d.findElement(org.openqa.selenium.By.id("conversation")).getText().contains("Looking into it."));
                        desk.findElement(org.openqa.selenium.By.id("composer:replyForm:replyText")).sendKeys("Found it: it leaves today.");
                        desk.findElement(org.openqa.selenium.By.id("composer:replyForm:send")).click();
                        widget.findElement(org.openqa.selenium.By.cssSelector("#sb-text")).sendKeys("Thank you!" + org.openqa.selenium.Keys.ENTER);
                        visitor.waiting(Duration.ofSeconds(60)).until(d -> widget.findElements(org.openqa.selenium.By.cssSelector("li.pending")).isEmpty()
                                && widget.findElements(org.openqa.selenium.By.cssSelector("li.agent")).size() == 2);
                        assertEquals(java.util.List.of("1", "2", "3", "4"), widget.findElements(org.openqa.selenium.By.cssSelector("li[data-seq]")).stream()
                                .map(li -> li.getAttribute("data-seq")).toList(), "every line once, in order");
                        JsonArray messages = ApiClient.object(apiB.get("/api/v1/tickets/" + ticketId)).getJsonArray("messages");
                        assertEquals(java.util.Set.of("Order 4711 is late", "Looking into it.", "Found it: it leaves today.", "Thank you!"),
                                messages.getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")).collect(java.util.stream.Collectors.toSet()));
                        assertEquals(4, messages.size(), messages.toString());
                        visitor.screenshot("chat-after-instance-died");
                    }
                }
            } finally {
                a.close();
            }
        }
    }
}
