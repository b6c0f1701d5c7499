package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.channels.form.control.FormToken;
import org.switchboard.platform.crypto.SecretBox;
import org.switchboard.platform.crypto.SecretKeys;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.HttpSession;
import org.switchboard.testing.WebhookReceiver;

/**
 * The generic inbound endpoint and routing through the REST API of the shipped WAR: answers for
 * bad input, idempotency under racing duplicates, and hundreds of concurrent messages assigned
 * with no double assignment and no capacity overrun.
 */
@ExtendWith(ArquillianExtension.class)
class InboundApiIT {

    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SWITCHBOARD_ADMIN_PASSWORD", "it-admin-password");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL deployed;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(URI.create("http://127.0.0.1:" + deployed.getPort() + "/"), ADMIN_PASSWORD);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonObject channel(String routingJson) {
        return api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Custom") + "\"" + (routingJson == null ? "" : ",\"routing\":" + routingJson) + "}");
    }

    private static String message(String externalId, String email, String subject) {
        return "{\"externalId\":\"" + externalId + "\",\"from\":{\"email\":\"" + email + "\",\"name\":\"Liisa Laine\"},\"subject\":\"" + subject + "\",\"text\":\"Hello\"}";
    }

    @Test
    void aMessageBecomesATicketAndTheSameExternalIdAgainAnswersTheSameIds() {
        JsonObject channel = channel(null);
        String path = "/api/v1/channels/" + channel.getString("key") + "/messages";
        String email = unique("liisa") + "@example.fi";
        HttpResponse<String> first = api.post(path, message("ext-1", email, "Printer on fire"));
        assertEquals(202, first.statusCode(), first.body());
        JsonObject ids = ApiClient.object(first);
        HttpResponse<String> again = api.post(path, message("ext-1", email, "Printer on fire"));
        assertEquals(200, again.statusCode(), again.body());
        JsonObject sameIds = ApiClient.object(again);
        for (String key : List.of("ticketId", "conversationId", "messageId")) {
            assertEquals(ids.getJsonNumber(key).longValue(), sameIds.getJsonNumber(key).longValue(), key);
        }
        JsonObject ticket = ApiClient.object(api.get("/api/v1/tickets/" + ids.getJsonNumber("ticketId").longValue()));
        assertEquals("Printer on fire", ticket.getJsonObject("ticket").getString("subject"));
        assertEquals("CHANNEL", ticket.getJsonObject("ticket").getString("source"));
        assertEquals(1, ticket.getJsonArray("messages").size());
        assertEquals("Liisa Laine", ticket.getJsonObject("ticket").getString("contact"));
    }

    @Test
    void badInputGetsAPreciseAnswer() {
        JsonObject channel = channel(null);
        String path = "/api/v1/channels/" + channel.getString("key") + "/messages";
        HttpResponse<String> noSender = api.post(path, "{\"externalId\":\"x1\",\"text\":\"hi\"}");
        assertEquals(400, noSender.statusCode());
        assertEquals("from", ApiClient.object(noSender).getJsonArray("fields").getString(0));
        HttpResponse<String> badEmail = api.post(path, message("x2", "not-an-email", "s"));
        assertEquals(400, badEmail.statusCode());
        assertEquals("from.email", ApiClient.object(badEmail).getJsonArray("fields").getString(0));
        HttpResponse<String> noId = api.post(path, "{\"from\":{\"email\":\"a@example.com\"},\"text\":\"hi\"}");
        assertEquals("externalId", ApiClient.object(noId).getJsonArray("fields").getString(0));
        assertEquals(400, api.post(path, "{\"externalId\":").statusCode(), "broken JSON");
        assertEquals(404, api.post("/api/v1/channels/no-such-key/messages", message("x3", "a@example.com", "s")).statusCode());
        HttpResponse<String> tooBig = api.http().post(path, "application/json",
                ("{\"externalId\":\"big\",\"from\":{\"email\":\"a@example.com\"},\"text\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "Authorization", api.bearer());
        assertEquals(413, tooBig.statusCode());
        assertEquals(415, api.http().post(path, "text/plain", "hello".getBytes(StandardCharsets.UTF_8), "Authorization", api.bearer()).statusCode());
        assertEquals(401, new HttpSession(api.http().uri("/")).postJson(path, message("x4", "a@example.com", "s")).statusCode());

        api.create("/api/v1/channels/" + channel.getInt("id") + "/disable", "{}");
        HttpResponse<String> disabled = api.post(path, message("x5", "a@example.com", "s"));
        assertEquals(409, disabled.statusCode(), disabled.body());
        for (HttpResponse<String> r : List.of(noSender, badEmail, noId, disabled)) {
            assertFalse(r.body().contains("Exception"), r.body());
        }
    }

    /** Hardening: each answer below was a 500, an HTML page, a silent acceptance or a bypass before. */
    @Test
    void everyEdgeAnswersBadInputWithAPreciseJsonError() throws Exception {
        JsonObject channel = channel(null);
        String path = "/api/v1/channels/" + channel.getString("key") + "/messages";

        // nesting deeper than the parser allows: 400, on the raw endpoint and on a JSON-B one
        String deep = "{\"externalId\":\"deep\",\"from\":{\"email\":\"a@example.com\"},\"text\":\"x\",\"extra\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        assertJsonError(api.post(path, deep), 400);
        assertJsonError(api.send("PUT", "/api/v1/channels/" + channel.getInt("id") + "/custom",
                "{\"webhookUrl\":\"https://example.com\",\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}"), 400);

        // Bean Validation failures are JSON naming the field
        HttpResponse<String> invalidUser = api.post("/api/v1/users", "{\"username\":\"\",\"fullName\":\"X\",\"roles\":[\"AGENT\"]}");
        assertJsonError(invalidUser, 400);
        assertTrue(ApiClient.object(invalidUser).getJsonArray("fields").toString().contains("username"), invalidUser.body());

        // the declared charset is honoured; bytes not valid in it are refused
        byte[] latin1 = "{\"externalId\":\"cs-1\",\"from\":{\"email\":\"jorg@example.com\",\"name\":\"Jörg Müller\"},\"text\":\"Grüße\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> honoured = api.http().post(path, "application/json; charset=ISO-8859-1", latin1, "Authorization", api.bearer());
        assertEquals(202, honoured.statusCode(), honoured.body());
        long ticketId = ApiClient.object(honoured).getJsonNumber("ticketId").longValue();
        assertEquals("Grüße", ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("messages").getJsonObject(0).getString("text"));
        assertJsonError(api.http().post(path, "application/json; charset=utf-8", latin1, "Authorization", api.bearer()), 400);
        assertJsonError(api.http().post(path, "application/json; charset=no-such-charset", latin1, "Authorization", api.bearer()), 415);

        // media types match exactly
        assertJsonError(api.http().post(path, "application/jsonx", message("mt-1", "a@example.com", "s").getBytes(StandardCharsets.UTF_8),
                "Authorization", api.bearer()), 415);

        // single-line fields refuse control characters, everywhere, naming the field
        HttpResponse<String> crlfSubject = api.send("PATCH", "/api/v1/tickets/" + ticketId, "{\"subject\":\"Hello\\r\\nBcc: x@example.com\"}");
        assertJsonError(crlfSubject, 400);
        assertTrue(ApiClient.object(crlfSubject).getJsonArray("fields").toString().contains("subject"), crlfSubject.body());
        long userId = api.create("/api/v1/users", "{\"username\":\"" + unique("u") + "\",\"fullName\":\"Fine Name\",\"roles\":[\"AGENT\"]}")
                .getJsonNumber("id").longValue();
        JsonObject user = ApiClient.object(api.get("/api/v1/users/" + userId));
        HttpResponse<String> nulName = api.send("PUT", "/api/v1/users/" + userId, "{\"username\":\"" + user.getString("username")
                + "\",\"fullName\":\"Evil\\u0000Name\",\"roles\":[\"AGENT\"]}");
        assertJsonError(nulName, 400);
        assertTrue(ApiClient.object(nulName).getJsonArray("fields").toString().contains("fullName"), nulName.body());
        assertEquals("Fine Name", ApiClient.object(api.get("/api/v1/users/" + userId)).getString("fullName"));

        // dates far outside any sane window
        HttpResponse<String> yearMinusOne = api.post(path, "{\"externalId\":\"d-1\",\"from\":{\"email\":\"a@example.com\"},\"text\":\"x\",\"occurredAt\":\"-0001-01-01T00:00:00Z\"}");
        assertJsonError(yearMinusOne, 400);
        assertEquals("occurredAt", ApiClient.object(yearMinusOne).getJsonArray("fields").getString(0));

        // an address with dot segments reaches nothing, and never passes as a channel endpoint
        for (String raw : List.of("/api/v1/inbound/email/../../v1/users", "/api/v1/inbound/email/%2e%2e/%2e%2e/v1/users")) {
            java.net.http.HttpResponse<String> dotted = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deployed.getPort() + raw)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(404, dotted.statusCode(), raw + ": " + dotted.body());
            assertFalse(dotted.body().contains("username"), dotted.body());
        }

        // imports: unknown runs are 404, not 400 or an empty 200
        assertJsonError(api.get("/api/v1/imports/999999999"), 404);
        assertJsonError(api.post("/api/v1/imports/999999999/stop", "{}"), 404);
        assertEquals(404, api.get("/api/v1/imports/999999999/report.csv").statusCode());
    }

    @Test
    void failedPasswordsSlowTheNextTryButNeverLockTheRightfulUserOut() {
        String username = unique("locked");
        api.create("/api/v1/users", "{\"username\":\"" + username + "\",\"fullName\":\"Lotta\",\"roles\":[\"ADMIN\"],\"paidSeat\":true,"
                + "\"password\":\"the-right-password\"}");
        HttpSession anonymous = new HttpSession(api.http().uri("/"));
        String mint = "{\"name\":\"after-failures\"}";
        for (int i = 0; i < 4; i++) { // each waits 1, 2, 4 s after the one before
            assertEquals(401, anonymous.postJson("/api/v1/api-tokens", mint, "Authorization", HttpSession.basic(username, "guess-" + i)).statusCode());
        }
        assertTrue(api.get("/api/v1/sign-in-throttles").body().contains(username), "admins see who is being slowed");
        long started = System.nanoTime();
        HttpResponse<String> right = anonymous.postJson("/api/v1/api-tokens", mint, "Authorization", HttpSession.basic(username, "the-right-password"));
        long waited = java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(201, right.statusCode(), "the right password still works after failures: " + right.body());
        assertTrue(waited >= 6 && waited <= 15, "it was slowed (8 s after 4 failures), not refused: waited " + waited + " s");

        anonymous.postJson("/api/v1/api-tokens", mint, "Authorization", HttpSession.basic(username, "one-more-guess"));
        HttpResponse<String> cleared = api.send("DELETE", "/api/v1/sign-in-throttles?username=" + username, null);
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertTrue(ApiClient.object(cleared).getInt("cleared") >= 1, cleared.body());
        assertFalse(api.get("/api/v1/sign-in-throttles").body().contains("\"" + username + "\""), "cleared");
    }

    private static void assertJsonError(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().map().toString());
        assertTrue(response.body().startsWith("{") && !response.body().contains("Exception"), response.body());
    }

    @Test
    void aTakenRoleOrADeactivatedUserStopsTheirTokenAtOnce() {
        String username = unique("integration");
        String user = "{\"username\":\"" + username + "\",\"fullName\":\"Integration Bot\",\"password\":\"bot-password-1\",\"roles\":";
        long id = api.create("/api/v1/users", user + "[\"ADMIN\"]}").getJsonNumber("id").longValue();
        ApiClient bot = new ApiClient(api.http().uri("/"), username, "bot-password-1");
        assertEquals(200, bot.get("/api/v1/users").statusCode(), "an admin's token lists users");

        assertEquals(200, api.send("PUT", "/api/v1/users/" + id, user + "[\"AGENT\"]}").statusCode());
        assertEquals(403, bot.get("/api/v1/users").statusCode(), "the admin role taken away counts at once");
        String path = "/api/v1/channels/" + channel(null).getString("key") + "/messages";
        assertEquals(202, bot.post(path, message("bot-1", unique("c") + "@example.com", "From the bot")).statusCode());

        assertEquals(200, api.send("PUT", "/api/v1/users/" + id, user + "[\"AGENT\"],\"active\":false}").statusCode());
        assertEquals(401, bot.post(path, message("bot-2", unique("c") + "@example.com", "After deactivation")).statusCode(),
                "a deactivated user's token stops working at once");
    }

    @Test
    void aSenderOpeningTicketsFasterThanTheLimitIsHeldAsAFloodEvenInOneBurst() throws Exception {
        String path = "/api/v1/channels/" + channel(null).getString("key") + "/messages";
        String email = unique("flooder") + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                String externalId = "flood-" + i;
                results.add(pool.submit(() -> api.post(path, message(externalId, email, "Burst " + externalId))));
            }
            int tickets = 0;
            int held = 0;
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertEquals(202, response.statusCode(), response.body());
                JsonObject body = ApiClient.object(response);
                if (body.containsKey("ticketId")) {
                    tickets++;
                } else if ("QUARANTINED".equals(body.getString("state")) && body.getString("error").contains("Held as a flood")) {
                    held++;
                }
            }
            assertEquals(60, tickets, "a new sender in one burst of concurrent messages gets exactly the hour's limit of tickets");
            assertEquals(10, held, "the rest are held with the reason, for an admin to reprocess");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingDuplicatesMakeOneMessage() throws Exception {
        JsonObject channel = channel(null);
        String path = "/api/v1/channels/" + channel.getString("key") + "/messages";
        String email = unique("racer") + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(pool.submit(() -> api.post(path, message("same-id", email, "Race"))));
            }
            Set<Long> messageIds = new HashSet<>();
            int accepted = 0;
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertTrue(response.statusCode() == 200 || response.statusCode() == 202, response.body());
                accepted += response.statusCode() == 202 ? 1 : 0;
                messageIds.add(ApiClient.object(response).getJsonNumber("messageId").longValue());
            }
            assertEquals(1, messageIds.size(), "one message for one external id");
            assertEquals(1, accepted, "exactly one request created it");
        } finally {
            pool.shutdownNow();
        }
        JsonObject page = ApiClient.object(api.get("/api/v1/tickets?channel=" + channel.getInt("id")));
        assertEquals(1, page.getJsonArray("items").size(), "one ticket");
    }

    @Test
    void concurrentMessagesAreAssignedOnceEachAndNobodyGoesOverCapacity() throws Exception {
        int agents = 5;
        int capacity = 30;
        int messages = 200;
        long team = api.create("/api/v1/teams", "{\"name\":\"" + unique("Load") + "\"}").getJsonNumber("id").longValue();
        List<Long> agentIds = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            agentIds.add(api.create("/api/v1/users", "{\"username\":\"" + unique("agent") + "\",\"fullName\":\"Agent " + i
                    + "\",\"roles\":[\"AGENT\"],\"paidSeat\":true,\"capacity\":" + capacity + ",\"teamIds\":[" + team + "]}").getJsonNumber("id").longValue());
        }
        JsonObject channel = channel("{\"mode\":\"USERS_AND_TEAMS\",\"teamIds\":[" + team + "]}");
        String path = "/api/v1/channels/" + channel.getString("key") + "/messages";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String externalId = "load-" + i;
                posts.add(() -> api.post(path, message(externalId, unique("c") + "@example.com", "Load " + externalId)));
            }
            for (Future<HttpResponse<String>> result : pool.invokeAll(posts)) {
                assertEquals(202, result.get().statusCode(), result.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Long, Integer> perAgent = new HashMap<>();
        int assigned = 0;
        int waiting = 0;
        String cursor = null;
        do {
            JsonObject page = ApiClient.object(api.get("/api/v1/tickets?limit=200&channel=" + channel.getInt("id") + (cursor == null ? "" : "&cursor=" + cursor)));
            for (JsonObject t : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (t.containsKey("ownerId")) {
                    perAgent.merge(t.getJsonNumber("ownerId").longValue(), 1, Integer::sum);
                    assigned++;
                } else {
                    assertTrue(t.getBoolean("awaitingRouting"), "an unassigned ticket waits in the queue");
                    waiting++;
                }
                long assignments = ApiClient.object(api.get("/api/v1/tickets/" + t.getJsonNumber("id").longValue())).getJsonArray("timeline")
                        .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("type").equals("ASSIGNED")).count();
                assertTrue(assignments <= 1, "ticket " + t.getInt("number") + " assigned " + assignments + " times");
            }
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        assertEquals(messages, assigned + waiting);
        assertEquals(agents * capacity, assigned, "every slot filled: " + perAgent);
        perAgent.forEach((agent, count) -> assertTrue(count <= capacity, "agent " + agent + " has " + count));
        assertTrue(agentIds.containsAll(perAgent.keySet()));
    }

    // --- Custom channels both ways: replies as signed webhooks, statuses back ---

    /** A custom channel whose replies go to the receiver; returns the channel and its signing secret. */
    private JsonObject[] customChannel(WebhookReceiver receiver) {
        JsonObject channel = channel(null);
        HttpResponse<String> connected = api.send("PUT", "/api/v1/channels/" + channel.getJsonNumber("id").longValue() + "/custom",
                "{\"webhookUrl\":\"" + receiver.url() + "\",\"text\":true,\"html\":false,\"attachments\":true,\"identity\":\"EXTERNAL_USER_ID\"}");
        assertEquals(200, connected.statusCode(), connected.body());
        return new JsonObject[]{channel, ApiClient.object(connected)};
    }

    /** A visitor's message on the channel, as a ticket id. */
    private long visitorWrites(JsonObject channel, String userId, String extraJson) {
        HttpResponse<String> in = api.post("/api/v1/channels/" + channel.getString("key") + "/messages",
                "{\"externalId\":\"" + unique("tg") + "\",\"from\":{\"externalUserId\":\"" + userId + "\",\"name\":\"Aino\"},\"text\":\"Hei, apua!\""
                        + (extraJson == null ? "" : "," + extraJson) + "}");
        assertEquals(202, in.statusCode(), in.body());
        return ApiClient.object(in).getJsonNumber("ticketId").longValue();
    }

    private long reply(long ticketId, String text) {
        HttpResponse<String> reply = api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"" + text + "\"}");
        assertEquals(202, reply.statusCode(), reply.body());
        return ApiClient.object(reply).getJsonNumber("id").longValue();
    }

    private JsonObject messageOf(long ticketId, long messageId) {
        return ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("id").longValue() == messageId).findFirst().orElseThrow();
    }

    private JsonObject awaitState(long ticketId, long messageId, String state) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        JsonObject message = messageOf(ticketId, messageId);
        while (!message.getString("deliveryState").equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            message = messageOf(ticketId, messageId);
        }
        assertEquals(state, message.getString("deliveryState"), message.toString());
        return message;
    }

    private HttpResponse<String> status(JsonObject channel, long messageId, String json) {
        return api.post("/api/v1/channels/" + channel.getString("key") + "/messages/" + messageId + "/status", json);
    }

    @Test
    void aReplyOnACustomChannelReachesTheReceiverSignedAndItsStatusesMoveItToDeliveredThenRead() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonObject[] made = customChannel(receiver);
            JsonObject channel = made[0];
            String secret = made[1].getString("signingSecret");
            assertTrue(secret.startsWith("sbwh_"), made[1].toString());
            assertFalse(ApiClient.object(api.get("/api/v1/channels/" + channel.getJsonNumber("id").longValue() + "/custom")).containsKey("signingSecret"),
                    "the secret is shown once");
            String file = java.util.Base64.getEncoder().encodeToString("PNG-bytes".getBytes(StandardCharsets.UTF_8));
            long ticketId = visitorWrites(channel, "tg-1001", "\"attachments\":[{\"name\":\"screen.png\",\"contentType\":\"image/png\",\"contentBase64\":\"" + file + "\"}]");
            JsonObject inbound = ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("messages").getJsonObject(0);
            assertEquals("screen.png", inbound.getJsonArray("attachments").getJsonObject(0).getString("filename"), inbound.toString());

            long messageId = reply(ticketId, "Hei Aino, katsotaan.");
            awaitState(ticketId, messageId, "SENT");
            assertEquals(1, receiver.deliveries().size());
            WebhookReceiver.Delivery delivery = receiver.deliveries().get(0);
            assertTrue(org.switchboard.channels.custom.control.WebhookSignature.verify(delivery.signature(), delivery.body(), secret,
                    java.time.Instant.now(), java.time.Duration.ofMinutes(5)), "signed under the channel's secret: " + delivery.signature());
            JsonObject payload = jakarta.json.Json.createReader(new java.io.StringReader(delivery.text())).readObject();
            assertEquals("message.created", payload.getString("type"));
            assertEquals(delivery.deliveryId(), payload.getString("id"));
            assertEquals(channel.getString("key"), payload.getString("channelKey"));
            JsonObject sent = payload.getJsonObject("message");
            assertEquals(messageId, sent.getJsonNumber("id").longValue());
            assertEquals(ticketId, sent.getJsonNumber("ticketId").longValue());
            assertEquals("Hei Aino, katsotaan.", sent.getString("text"));
            assertEquals("tg-1001", sent.getJsonObject("to").getString("externalUserId"));
            assertEquals("Aino", sent.getJsonObject("to").getString("name"));

            assertEquals(204, status(channel, messageId, "{\"state\":\"DELIVERED\",\"externalId\":\"tg-msg-77\"}").statusCode());
            assertEquals("DELIVERED", messageOf(ticketId, messageId).getString("deliveryState"));
            assertEquals(204, status(channel, messageId, "{\"state\":\"READ\"}").statusCode());
            assertEquals(204, status(channel, messageId, "{\"state\":\"DELIVERED\"}").statusCode(), "a late status is accepted");
            assertEquals("READ", messageOf(ticketId, messageId).getString("deliveryState"), "and never moves it back");

            HttpResponse<String> bad = status(channel, messageId, "{\"state\":\"SEEN\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("state"), bad.body());
            assertEquals(404, status(channel, 999_999_999L, "{\"state\":\"READ\"}").statusCode());
            assertEquals(404, api.post("/api/v1/channels/" + channel(null).getString("key") + "/messages/" + messageId + "/status",
                    "{\"state\":\"READ\"}").statusCode(), "a message of another channel");
        }
    }

    @Test
    void aReceiverErrorIsRetriedWithTheSameDeliveryIdAndTheReplyIsDeliveredOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(new WebhookReceiver.Answer(500, "{\"error\":\"database restarting\"}"))) {
            JsonObject channel = customChannel(receiver)[0];
            long ticketId = visitorWrites(channel, "tg-2002", null);
            long messageId = reply(ticketId, "Second try works.");
            awaitState(ticketId, messageId, "SENT");
            Thread.sleep(3000); // a schedule round and more: nothing goes again
            List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
            assertEquals(2, deliveries.size(), "one failed attempt, one that went through");
            assertEquals(deliveries.get(0).deliveryId(), deliveries.get(1).deliveryId(), "the receiver can tell a retry");
            assertTrue(deliveries.get(0).deliveryId().startsWith("dlv_"));
        }
    }

    @Test
    void aReceiverRefusalFailsTheReplyAtOnceWithTheReceiversReason() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(new WebhookReceiver.Answer(400, "{\"error\":\"chat tg-3003 was deleted\"}"))) {
            JsonObject channel = customChannel(receiver)[0];
            long ticketId = visitorWrites(channel, "tg-3003", null);
            long messageId = reply(ticketId, "Are you there?");
            JsonObject failed = awaitState(ticketId, messageId, "FAILED");
            assertTrue(failed.getString("deliveryError").contains("400") && failed.getString("deliveryError").contains("chat tg-3003 was deleted"),
                    failed.getString("deliveryError"));
            Thread.sleep(3000);
            assertEquals(1, receiver.deliveries().size(), "not retried");
        }
    }

    @Test
    void aCustomChannelsSettingsAreCheckedAndItsSecretRotates() {
        JsonObject channel = channel(null);
        long id = channel.getJsonNumber("id").longValue();
        HttpResponse<String> notUrl = api.send("PUT", "/api/v1/channels/" + id + "/custom", "{\"webhookUrl\":\"ftp://example.com/x\"}");
        assertEquals(400, notUrl.statusCode(), notUrl.body());
        assertTrue(notUrl.body().contains("webhookUrl"), notUrl.body());
        assertEquals(409, api.post("/api/v1/channels/" + id + "/custom/secret", "{}").statusCode(), "no secret before a webhook");
        String first = ApiClient.object(api.send("PUT", "/api/v1/channels/" + id + "/custom", "{\"webhookUrl\":\"https://example.com/hook\"}")).getString("signingSecret");
        String rotated = ApiClient.object(api.post("/api/v1/channels/" + id + "/custom/secret", "{}")).getString("signingSecret");
        assertFalse(first.equals(rotated));
        assertTrue(api.get("/api/v1/channels/kinds").body().contains("\"kind\":\"CUSTOM\""), "the kinds this build can connect are listed");
        HttpResponse<String> unknownKind = api.post("/api/v1/channels", "{\"type\":\"CARRIER_PIGEON\",\"name\":\"Birds\"}");
        assertEquals(400, unknownKind.statusCode(), unknownKind.body());
        assertTrue(unknownKind.body().contains("type"), unknownKind.body());
    }

    // ---- Forms (channels.form): the hosted page, its spam defence and the hidden ticket fields ----

    private static final java.util.regex.Pattern FORM_TOKEN = java.util.regex.Pattern.compile("name=\"sb_token\" value=\"([^\"]+)\"");

    private JsonObject contactForm(String name) {
        return api.create("/api/v1/forms", "{\"name\":\"" + name + "\",\"fields\":["
                + "{\"name\":\"name\",\"kind\":\"TEXT\",\"label\":{\"en\":\"Your name\",\"fi\":\"Nimesi\"},\"required\":true},"
                + "{\"name\":\"email\",\"kind\":\"EMAIL\",\"label\":{\"en\":\"Email\",\"fi\":\"Sähköposti\"},\"required\":true},"
                + "{\"name\":\"message\",\"kind\":\"TEXTAREA\",\"label\":{\"en\":\"Message\",\"fi\":\"Viesti\"},\"required\":true},"
                + "{\"name\":\"campaign\",\"kind\":\"HIDDEN\",\"urlParameter\":\"utm_campaign\"},"
                + "{\"name\":\"consent\",\"kind\":\"CONSENT\",\"label\":{\"en\":\"You may store my message\"},\"required\":true}]}");
    }

    private static String formToken(HttpResponse<String> page) {
        java.util.regex.Matcher m = FORM_TOKEN.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    private static HttpResponse<String> postForm(HttpSession visitor, String key, String... pairs) {
        return postFormFrom(visitor, null, key, pairs);
    }

    private static HttpResponse<String> postFormFrom(HttpSession visitor, String client, String key, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return client == null ? visitor.post("/forms/" + key, "application/x-www-form-urlencoded", bytes)
                : visitor.post("/forms/" + key, "application/x-www-form-urlencoded", bytes, "X-Forwarded-For", client);
    }

    @Test
    void aConnectedFormTurnsASubmissionIntoATicketWithItsHiddenTicketFieldsAndRefusesBotsWithAReason() throws Exception {
        JsonObject pipeline = ApiClient.array(api.get("/api/v1/pipelines")).getJsonObject(0);
        JsonObject stage = pipeline.getJsonArray("stages").stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(st -> !st.getBoolean("closesTicket")).reduce((a, b) -> b).orElseThrow();
        JsonObject form = contactForm(unique("Contact us"));
        String key = form.getString("key");
        HttpSession visitor = new HttpSession(api.http().uri("/"));
        assertEquals(404, visitor.get("/forms/" + key).statusCode(), "not in the help desk yet: takes nothing");

        JsonObject connected = ApiClient.object(api.post("/api/v1/forms/" + form.getInt("id") + "/connection", "{\"ticketFields\":{\"pipelineId\":"
                + pipeline.getInt("id") + ",\"stageId\":" + stage.getInt("id") + ",\"priority\":\"HIGH\",\"category\":\"sales\","
                + "\"nameTemplate\":\"Web form: {{contact.name}}\",\"descriptionTemplate\":\"From the website\"}}"));
        assertTrue(connected.getBoolean("connected"), connected.toString());
        long channelId = connected.getJsonNumber("channelId").longValue();

        HttpResponse<String> page = visitor.get("/forms/" + key + "?utm_campaign=spring-sale");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<label for=\"f-message\">Message"), page.body());
        assertFalse(page.body().contains("From the website"), "hidden ticket fields are not shown to the visitor");
        String token = formToken(page);
        HttpResponse<String> tooFast = postForm(visitor, key, "sb_token", token, "name", "Liisa Laine", "email", "liisa@example.fi",
                "message", "Hello", "campaign", "spring-sale", "consent", "yes");
        assertEquals(400, tooFast.statusCode());
        assertTrue(tooFast.body().contains("faster than a person"), tooFast.body());

        Thread.sleep(1100); // the test server's minimum fill time is 1 s
        HttpResponse<String> bot = postForm(visitor, key, "sb_token", token, "name", "Bot", "email", "bot@example.com", "message", "Buy",
                "consent", "yes", "sb_website", "http://spam.example");
        assertEquals(400, bot.statusCode());
        HttpResponse<String> forged = postForm(visitor, key, "sb_token", token.substring(0, token.length() - 2) + "xx", "name", "Liisa",
                "email", "liisa@example.fi", "message", "Hello", "consent", "yes");
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("out of date"), forged.body());
        // a page left open for more than a day: only the server's key can sign a token's time, so the test signs with it
        String dayOld = new FormToken(new SecretBox(SecretKeys.load(Optional.empty(), Path.of(System.getenv("SWITCHBOARD_DATA_DIR")))))
                .issue(form.getInt("id"), Instant.now().minus(Duration.ofHours(25)));
        HttpResponse<String> expired = postForm(visitor, key, "sb_token", dayOld, "name", "Liisa", "email", "liisa@example.fi",
                "message", "Hello", "consent", "yes");
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("open too long"), expired.body());

        HttpResponse<String> invalid = postForm(visitor, key + "?lang=fi", "sb_token", token, "name", "Liisa Laine", "email", "liisa at example",
                "message", "", "campaign", "spring-sale");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("Anna sähköpostiosoite"), "errors in the visitor's language: " + invalid.body());
        assertTrue(invalid.body().contains("value=\"Liisa Laine\""), "what the visitor wrote is kept");

        String script = "<script>document.title='x'</script>";
        for (int i = 0; i < 2; i++) { // a double post (back button, double click) is one submission
            HttpResponse<String> sent = postForm(visitor, key, "sb_token", token, "name", "Liisa Laine", "email", "liisa@example.fi",
                    "message", "The invoice is wrong " + script, "campaign", "spring-sale", "consent", "yes");
            assertEquals(303, sent.statusCode(), sent.body());
            assertTrue(sent.headers().firstValue("Location").orElse("").endsWith("/forms/" + key + "/thanks"));
        }
        assertTrue(visitor.get("/forms/" + key + "/thanks?lang=fi").body().contains("Saimme viestisi"));

        JsonObject tickets = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId));
        assertEquals(1, tickets.getJsonArray("items").size(), tickets.toString());
        JsonObject summary = tickets.getJsonArray("items").getJsonObject(0);
        assertEquals("Web form: Liisa Laine", summary.getString("subject"));
        assertEquals("HIGH", summary.getString("priority"));
        assertEquals("sales", summary.getString("category"));
        assertEquals(stage.getInt("id"), summary.getInt("stageId"));
        JsonObject ticket = ApiClient.object(api.get("/api/v1/tickets/" + summary.getInt("id")));
        assertEquals("From the website", ticket.getString("description"));
        String text = ticket.getJsonArray("messages").getJsonObject(0).getString("text");
        assertTrue(text.contains("Message: The invoice is wrong " + script), text);
        assertTrue(text.contains("Your name: Liisa Laine"), text);
        assertFalse(text.contains("spring-sale"), "hidden form fields stay off the help desk view: " + text);
        String record = api.get("/api/v1/forms/submissions?contact=" + summary.getInt("contactId")).body();
        assertTrue(record.contains("\"field\":\"campaign\"") && record.contains("spring-sale"), "hidden fields stay on the contact's submission record: " + record);

        JsonObject counted = ApiClient.object(api.get("/api/v1/forms/" + form.getInt("id"))).getJsonObject("refusals");
        assertEquals(1, counted.getInt("TOO_FAST"), counted.toString());
        assertEquals(1, counted.getInt("HONEYPOT"), counted.toString());
        assertEquals(1, counted.getInt("FORGED"), counted.toString());
        assertEquals(1, counted.getInt("EXPIRED"), counted.toString());

        JsonObject removed = ApiClient.object(api.send("DELETE", "/api/v1/forms/" + form.getInt("id") + "/connection", null));
        assertFalse(removed.getBoolean("connected"));
        assertFalse(removed.containsKey("ticketFields") && !removed.isNull("ticketFields"), "removing the form from the help desk removes its ticket properties: " + removed);
        assertEquals(404, visitor.get("/forms/" + key).statusCode());
        assertEquals(409, api.send("DELETE", "/api/v1/forms/" + form.getInt("id") + "/connection", null).statusCode());
    }

    /** A multipart post with files: the type is read from the bytes, an executable is refused, a file over the limit too. */
    @Test
    void filesSentWithAFormAreCheckedByTheirBytesAndSize() throws Exception {
        JsonObject form = api.create("/api/v1/forms", "{\"name\":\"" + unique("Claims") + "\",\"fields\":["
                + "{\"name\":\"email\",\"kind\":\"EMAIL\",\"label\":{\"en\":\"Email\"},\"required\":true},"
                + "{\"name\":\"receipt\",\"kind\":\"FILE\",\"label\":{\"en\":\"Receipt\"},\"required\":true}]}");
        long channelId = ApiClient.object(api.post("/api/v1/forms/" + form.getInt("id") + "/connection", "{}")).getJsonNumber("channelId").longValue();
        HttpSession visitor = new HttpSession(api.http().uri("/"));
        String key = form.getString("key");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(formToken(visitor.get("/forms/" + key)));
        }
        Thread.sleep(1100);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        byte[] large = new byte[1_100_000]; // the test server takes files up to 1 MB
        System.arraycopy(png, 0, large, 0, png.length);

        HttpResponse<String> disguised = postMultipart(visitor, key, tokens.get(0), "claim.png", exe);
        assertEquals(400, disguised.statusCode());
        assertTrue(disguised.body().contains("This type of file is not accepted"), disguised.body());
        HttpResponse<String> tooLarge = postMultipart(visitor, key, tokens.get(1), "big.png", large);
        assertEquals(400, tooLarge.statusCode());
        assertTrue(tooLarge.body().contains("This file is too large"), tooLarge.body());
        assertEquals(303, postMultipart(visitor, key, tokens.get(2), "C:\\Users\\pat\\receipt.txt", png).statusCode());

        JsonObject summary = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getJsonObject(0);
        JsonObject file = ApiClient.object(api.get("/api/v1/tickets/" + summary.getInt("id"))).getJsonArray("messages").getJsonObject(0)
                .getJsonArray("attachments").getJsonObject(0);
        assertEquals("receipt.txt", file.getString("filename"), "no client path");
        assertEquals("image/png", file.getString("contentType"), "the type the bytes say, not the name");
    }

    private static HttpResponse<String> postMultipart(HttpSession visitor, String key, String token, String filename, byte[] content) {
        String boundary = "----sb" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sb_token\"\r\n\r\n" + token + "\r\n");
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\npat.files@example.com\r\n");
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"receipt\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/x-msdownload\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return visitor.post("/forms/" + key, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    @Test
    void aFormDefinitionThatCannotWorkIsRefusedNamingTheField() {
        HttpResponse<String> noEmail = api.post("/api/v1/forms", "{\"name\":\"x\",\"fields\":[{\"name\":\"name\",\"kind\":\"TEXT\","
                + "\"label\":{\"en\":\"Name\"}}]}");
        assertEquals(400, noEmail.statusCode());
        assertTrue(noEmail.body().contains("EMAIL field"), noEmail.body());
        HttpResponse<String> badName = api.post("/api/v1/forms", "{\"name\":\"x\",\"fields\":[{\"name\":\"E-mail\",\"kind\":\"EMAIL\","
                + "\"label\":{\"en\":\"Email\"},\"required\":true}]}");
        assertEquals(400, badName.statusCode());
        assertTrue(badName.body().contains("fields[0].name"), badName.body());
        assertEquals(404, api.get("/api/v1/forms/999999999").statusCode());
    }

    /** The test server trusts loopback as a balancer: X-Forwarded-For names a client of its own, apart from every other test's submissions. */
    @Test
    void anAddressOverItsHourlyLimitIsToldToComeBackLater() throws Exception {
        JsonObject form = contactForm(unique("Limited"));
        api.post("/api/v1/forms/" + form.getInt("id") + "/connection", "{}");
        HttpSession visitor = new HttpSession(api.http().uri("/"));
        String client = "198.51.100." + (1 + new java.util.Random().nextInt(250)); // a new client each run: limits count the last hour
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tokens.add(formToken(visitor.get("/forms/" + form.getString("key"))));
        }
        Thread.sleep(1100);
        for (int i = 0; i < 20; i++) {
            assertEquals(303, postFormFrom(visitor, client, form.getString("key"), "sb_token", tokens.get(i), "name", "Pat", "email", "pat" + i + "@example.com",
                    "message", "m" + i, "consent", "yes").statusCode(), "submission " + (i + 1) + " of the 20 an hour allowed");
        }
        HttpResponse<String> over = postFormFrom(visitor, client, form.getString("key"), "sb_token", tokens.get(20), "name", "Pat", "email", "pat@example.com",
                "message", "one more", "consent", "yes");
        assertEquals(429, over.statusCode());
        assertTrue(over.body().contains("Too many messages from your network"), over.body());
        assertEquals(1, ApiClient.object(api.get("/api/v1/forms/" + form.getInt("id"))).getJsonObject("refusals").getInt("RATE_ADDRESS"));
    }

    /**
     * A form's own spam defence on top of the installation's: stricter limits per address and per
     * day, and the sites allowed to embed it — others get no CORS answer and their posts are refused
     * with a reason, while the hosted page keeps working.
     */
    @Test
    void aFormsOwnLimitsAndEmbeddingSitesApplyOnTopOfTheInstallations() throws Exception {
        JsonObject form = contactForm(unique("Shop form"));
        int id = form.getInt("id");
        String key = form.getString("key");
        api.post("/api/v1/forms/" + id + "/connection", "{}");
        HttpResponse<String> notAnOrigin = api.send("PUT", "/api/v1/forms/" + id + "/protection", "{\"allowedOrigins\":[\"https://shop.example.com/cart\"]}");
        assertEquals(400, notAnOrigin.statusCode(), notAnOrigin.body());
        assertTrue(notAnOrigin.body().contains("allowedOrigins[0]"), notAnOrigin.body());
        HttpResponse<String> zero = api.send("PUT", "/api/v1/forms/" + id + "/protection", "{\"perAddressHour\":0}");
        assertEquals(400, zero.statusCode(), zero.body());
        assertTrue(zero.body().contains("perAddressHour"), zero.body());
        JsonObject protectedForm = ApiClient.object(api.send("PUT", "/api/v1/forms/" + id + "/protection",
                "{\"perAddressHour\":2,\"perFormDay\":3,\"allowedOrigins\":[\"https://shop.example.com/\",\"HTTPS://WWW.Example.com:443\"]}"));
        assertEquals("[\"https://shop.example.com\",\"https://www.example.com\"]",
                protectedForm.getJsonObject("protection").getJsonArray("allowedOrigins").toString(), "origins are kept as browsers send them");

        HttpSession visitor = new HttpSession(api.http().uri("/"));
        HttpResponse<String> shop = visitor.get("/forms/" + key + "/fragment", "Origin", "https://shop.example.com");
        assertEquals(200, shop.statusCode());
        assertEquals("https://shop.example.com", shop.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> elsewhere = visitor.get("/forms/" + key + "/fragment", "Origin", "https://copycat.example");
        assertEquals(403, elsewhere.statusCode());
        assertTrue(elsewhere.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "the browser keeps the form from another site");

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(formToken(visitor.get("/forms/" + key)));
        }
        Thread.sleep(1100);
        HttpResponse<String> copied = visitor.post("/forms/" + key, "application/x-www-form-urlencoded",
                ("sb_token=" + java.net.URLEncoder.encode(tokens.get(5), StandardCharsets.UTF_8) + "&name=Pat&email=pat%40example.com&message=Hi&consent=yes")
                        .getBytes(StandardCharsets.UTF_8), "Origin", "https://copycat.example", "Accept", "application/json");
        assertEquals(403, copied.statusCode(), copied.body());
        assertEquals("ORIGIN", ApiClient.object(copied).getString("reason"));
        assertTrue(copied.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        String first = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        String second = "198.18.0." + (1 + new java.util.Random().nextInt(250));
        String third = "192.0.2." + (1 + new java.util.Random().nextInt(250));
        assertEquals(303, postFormFrom(visitor, first, key, "sb_token", tokens.get(0), "name", "Pat", "email", "p0@example.com", "message", "m", "consent", "yes").statusCode());
        assertEquals(303, postFormFrom(visitor, first, key, "sb_token", tokens.get(1), "name", "Pat", "email", "p1@example.com", "message", "m", "consent", "yes").statusCode());
        HttpResponse<String> thirdFromFirst = postFormFrom(visitor, first, key, "sb_token", tokens.get(2), "name", "Pat", "email", "p2@example.com",
                "message", "m", "consent", "yes");
        assertEquals(429, thirdFromFirst.statusCode(), "the form allows 2 an hour per address");
        assertTrue(thirdFromFirst.body().contains("Too many messages from your network"), thirdFromFirst.body());
        assertEquals(303, postFormFrom(visitor, second, key, "sb_token", tokens.get(3), "name", "Sam", "email", "s@example.com", "message", "m", "consent", "yes").statusCode());
        HttpResponse<String> fourthToday = postFormFrom(visitor, third, key, "sb_token", tokens.get(4), "name", "Kim", "email", "k@example.com",
                "message", "m", "consent", "yes");
        assertEquals(429, fourthToday.statusCode(), "the form takes 3 a day");
        assertTrue(fourthToday.body().contains("no more messages today"), fourthToday.body());

        JsonObject refusals = ApiClient.object(api.get("/api/v1/forms/" + id)).getJsonObject("refusals");
        assertEquals(1, refusals.getInt("ORIGIN"), refusals.toString());
        assertEquals(1, refusals.getInt("RATE_ADDRESS"), refusals.toString());
        assertEquals(1, refusals.getInt("RATE_FORM"), refusals.toString());
        long channelId = ApiClient.object(api.get("/api/v1/forms/" + id)).getJsonNumber("channelId").longValue();
        assertEquals(3, ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").size());
    }

    /** A WhatsApp Cloud API webhook body as Meta documents it, for one message of a customer. */
    private static String whatsAppMessage(String phoneNumberId, String waId, String name, String wamid, long timestamp, String messageJson) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp + "\"," + messageJson + "}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    private static String whatsAppStatus(String phoneNumberId, String wamid, String status, String errors) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + (System.currentTimeMillis() / 1000)
                + "\",\"recipient_id\":\"358401234567\"" + (errors == null ? "" : ",\"errors\":" + errors) + "}]},\"field\":\"messages\"}]}]}";
    }

    private HttpResponse<String> postSigned(HttpSession meta, String body, String secret) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return meta.post("/api/v1/inbound/whatsapp", "application/json", raw, org.switchboard.channels.meta.MetaSignature.HEADER,
                org.switchboard.channels.meta.MetaSignature.header(secret, raw));
    }

    @Test
    void whatsAppWebhooksAreSignedJournaledOnceAndRepliesGoThroughTheGraphApiWithinTheWindow() throws Exception {
        String phoneNumberId = String.valueOf(100000000000L + new java.util.Random().nextInt(999_999_999));
        String secret = "app-secret-" + unique("s");
        try (org.switchboard.testing.FakeGraphApi graph = new org.switchboard.testing.FakeGraphApi("EAAG-good-token")) {
            JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"WHATSAPP\",\"name\":\"" + unique("WhatsApp") + "\"}");
            long channelId = channel.getJsonNumber("id").longValue();
            HttpResponse<String> noSecret = api.send("PUT", "/api/v1/channels/" + channelId + "/whatsapp", "{\"businessAccountId\":\"102290129340398\","
                    + "\"phoneNumberId\":\"" + phoneNumberId + "\",\"accessToken\":\"EAAG-good-token\"}");
            assertEquals(400, noSecret.statusCode(), noSecret.body());
            assertTrue(noSecret.body().contains("appSecret"), noSecret.body());
            JsonObject connected = ApiClient.object(api.send("PUT", "/api/v1/channels/" + channelId + "/whatsapp", "{\"businessAccountId\":\"102290129340398\","
                    + "\"phoneNumberId\":\"" + phoneNumberId + "\",\"accessToken\":\"EAAG-good-token\",\"appSecret\":\"" + secret + "\"}"));
            assertFalse(connected.toString().contains(secret) || connected.toString().contains("EAAG-good-token"), "secrets never come back: " + connected);
            String verifyToken = connected.getString("verifyToken");

            // Meta's subscription handshake
            HttpSession meta = new HttpSession(api.http().uri("/"));
            HttpResponse<String> handshake = meta.get("/api/v1/inbound/whatsapp?hub.mode=subscribe&hub.verify_token=" + verifyToken + "&hub.challenge=1158201444");
            assertEquals(200, handshake.statusCode(), handshake.body());
            assertEquals("1158201444", handshake.body());
            assertEquals(403, meta.get("/api/v1/inbound/whatsapp?hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1").statusCode());

            // signatures on the raw bytes: missing, wrong, or over a re-encoded body are refused and nothing is stored
            String wamid = "wamid.HBgLMzU4NDAxMjM0NTY3FQIAEhgg" + unique("m").replace("-", "");
            String body = whatsAppMessage(phoneNumberId, "358401234567", "Liisa Lainé", wamid, System.currentTimeMillis() / 1000,
                    "\"type\":\"text\",\"text\":{\"body\":\"Hyv\\u00e4\\u00e4 p\\u00e4iv\\u00e4\\u00e4 \\ud83d\\udc4b, where is my order?\"}");
            byte[] raw = body.getBytes(StandardCharsets.UTF_8);
            assertEquals(401, meta.post("/api/v1/inbound/whatsapp", "application/json", raw).statusCode(), "unsigned");
            assertEquals(401, meta.post("/api/v1/inbound/whatsapp", "application/json", raw, org.switchboard.channels.meta.MetaSignature.HEADER,
                    org.switchboard.channels.meta.MetaSignature.header("another-secret", raw)).statusCode(), "signed with another secret");
            byte[] rewritten = jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject().toString().getBytes(StandardCharsets.UTF_8);
            assertFalse(java.util.Arrays.equals(raw, rewritten), "re-encoding writes the escaped emoji and accents as characters");
            assertEquals(401, meta.post("/api/v1/inbound/whatsapp", "application/json", rewritten, org.switchboard.channels.meta.MetaSignature.HEADER,
                    org.switchboard.channels.meta.MetaSignature.header(secret, raw)).statusCode(), "the original's signature over a re-encoded body");
            assertTrue(ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").isEmpty(), "nothing stored");

            long started = System.nanoTime();
            HttpResponse<String> accepted = postSigned(meta, body, secret);
            long ackMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals(1, ApiClient.object(accepted).getInt("messages"));
            assertTrue(ackMillis < 2000, "answered in " + ackMillis + " ms");
            assertEquals(200, postSigned(meta, body, secret).statusCode(), "Meta delivers again");
            List<JsonObject> tickets = awaitTickets(channelId, listed -> !listed.isEmpty()); // answered once journaled; processing follows
            assertEquals(1, tickets.size(), "the same message id twice is one message: " + tickets);
            long ticketId = tickets.get(0).getJsonNumber("id").longValue();
            JsonObject detail = ApiClient.object(api.get("/api/v1/tickets/" + ticketId));
            assertEquals(1, detail.getJsonArray("messages").size());
            assertEquals("Hyvää päivää 👋, where is my order?", detail.getJsonArray("messages").getJsonObject(0).getString("text"));
            JsonObject contact = ApiClient.object(api.get("/api/v1/contacts/" + tickets.get(0).getJsonNumber("contactId")));
            assertEquals("Liisa Lainé", contact.getString("fullName"));
            assertTrue(contact.getJsonArray("phones").toString().contains("+358401234567"), contact.toString());

            // the agent's reply goes to the Graph API; statuses arrive out of order and never move it back
            assertEquals(202, api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"It ships today.\"}").statusCode());
            JsonObject reply = awaitMessage(ticketId, m -> "It ships today.".equals(m.getString("text")) && "SENT".equals(m.getString("deliveryState")));
            assertTrue(reply.containsKey("sentAt") && reply.getString("externalId").startsWith("wamid."),
                    "the send time and Meta's id are kept (EclipseLink lost both before): " + reply);
            org.switchboard.testing.FakeGraphApi.Sent sent = graph.sent().get(graph.sent().size() - 1);
            assertEquals(phoneNumberId, sent.phoneNumberId());
            assertEquals("358401234567", sent.body().getString("to"));
            assertEquals("It ships today.", sent.body().getJsonObject("text").getString("body"));
            assertEquals(200, postSigned(meta, whatsAppStatus(phoneNumberId, sent.wamid(), "read", null), secret).statusCode());
            assertEquals(200, postSigned(meta, whatsAppStatus(phoneNumberId, sent.wamid(), "delivered", null), secret).statusCode());
            assertEquals("READ", awaitMessage(ticketId, m -> m.getJsonNumber("id").longValue() == reply.getJsonNumber("id").longValue()
                    && "READ".equals(m.getString("deliveryState"))).getString("deliveryState"), "delivered after read changes nothing");
            assertFalse(sent.body().containsKey("context"), "a reply quoting nothing has no context: " + sent.body());

            // Meta may deliver a status before the sender has stored the send's answer: journaled, it is applied once the message is known
            List<Integer> earlyStatus = new java.util.concurrent.CopyOnWriteArrayList<>();
            graph.beforeAnswering(taken -> earlyStatus.add(postSigned(meta, whatsAppStatus(phoneNumberId, taken.wamid(), "delivered", null), secret).statusCode()));
            assertEquals(202, api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"Status came first\"}").statusCode());
            JsonObject overtaken = null;
            for (int round = 0; round < 4 && overtaken == null; round++) { // the status is tried again after the pipeline's backoff (10 s)
                try {
                    overtaken = awaitMessage(ticketId, m -> "Status came first".equals(m.getString("text")) && "DELIVERED".equals(m.getString("deliveryState")));
                } catch (AssertionError notYet) {
                    // next round
                }
            }
            graph.beforeAnswering(taken -> { });
            assertEquals(List.of(200), earlyStatus, "Meta's status webhook was taken before the send's answer");
            assertNotNull(overtaken, "the status that overtook the send is not lost");

            // a quoted reply: WhatsApp's context names the customer's message; what cannot be quoted is refused, naming the field
            long questionId = detail.getJsonArray("messages").getJsonObject(0).getJsonNumber("id").longValue();
            assertEquals(202, api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"Yes, that order.\",\"quotedMessageId\":" + questionId + "}")
                    .statusCode());
            JsonObject quotedReply = awaitMessage(ticketId, m -> "Yes, that order.".equals(m.getString("text")) && "SENT".equals(m.getString("deliveryState")));
            assertEquals(questionId, quotedReply.getJsonNumber("quotedMessageId").longValue());
            org.switchboard.testing.FakeGraphApi.Sent quotedSend = graph.sent().get(graph.sent().size() - 1);
            assertEquals("Yes, that order.", quotedSend.body().getJsonObject("text").getString("body"));
            assertEquals(wamid, quotedSend.body().getJsonObject("context").getString("message_id"), quotedSend.body().toString());
            for (String notQuotable : List.of(reply.getJsonNumber("id").toString(), "987654321987")) { // our own reply; no such message
                HttpResponse<String> refusedQuote = api.post("/api/v1/tickets/" + ticketId + "/replies",
                        "{\"text\":\"Quoting this\",\"quotedMessageId\":" + notQuotable + "}");
                assertEquals(400, refusedQuote.statusCode(), refusedQuote.body());
                assertTrue(refusedQuote.body().contains("\"quotedMessageId\""), refusedQuote.body());
            }

            // outside the 24-hour window free text is refused with the reason, not sent to fail silently
            String oldWamid = "wamid.old" + unique("o").replace("-", "");
            long dayAndHourAgo = System.currentTimeMillis() / 1000 - 25 * 3600;
            assertEquals(200, postSigned(meta, whatsAppMessage(phoneNumberId, "358409876543", "Vanha Asiakas", oldWamid, dayAndHourAgo,
                    "\"type\":\"text\",\"text\":{\"body\":\"Old question\"}"), secret).statusCode());
            long oldTicket = awaitTickets(channelId, listed -> listed.stream().anyMatch(t -> t.getString("subject").equals("Old question"))).stream()
                    .filter(t -> t.getString("subject").equals("Old question")).findFirst().orElseThrow().getJsonNumber("id").longValue();
            int sends = graph.sent().size();
            api.post("/api/v1/tickets/" + oldTicket + "/replies", "{\"text\":\"Sorry for the wait\"}");
            JsonObject refused = awaitMessage(oldTicket, m -> "FAILED".equals(m.getString("deliveryState")));
            assertTrue(refused.getString("deliveryError").contains("24-hour window"), refused.toString());
            long oldQuestion = ApiClient.object(api.get("/api/v1/tickets/" + oldTicket)).getJsonArray("messages").getJsonObject(0).getJsonNumber("id").longValue();
            HttpResponse<String> closedQuote = api.post("/api/v1/tickets/" + oldTicket + "/replies",
                    "{\"text\":\"Quoting late\",\"quotedMessageId\":" + oldQuestion + "}");
            assertEquals(400, closedQuote.statusCode(), "no quote once the window closed: " + closedQuote.body());
            assertTrue(closedQuote.body().contains("quotedMessageId"), closedQuote.body());
            assertEquals(sends, graph.sent().size(), "nothing went to Meta");

            // outside the window the reply box offers the account's approved templates, and one goes with its values
            graph.templates(List.of(
                    new org.switchboard.testing.FakeGraphApi.FakeTemplate("order_update", "en_US", "UTILITY", "APPROVED", "Hi {{1}}, your order {{2}} has shipped."),
                    new org.switchboard.testing.FakeGraphApi.FakeTemplate("spring_offer", "en_US", "MARKETING", "PENDING", "Spring offer!")));
            JsonObject synced = ApiClient.object(api.post("/api/v1/channels/" + channelId + "/whatsapp/templates/sync", "{}"));
            assertEquals(1, synced.getJsonArray("templates").size(), "only approved templates are offered: " + synced);
            assertEquals(2, synced.getJsonArray("templates").getJsonObject(0).getInt("parameters"));
            HttpResponse<String> missingValue = api.post("/api/v1/tickets/" + oldTicket + "/template-replies",
                    "{\"template\":\"order_update|en_US\",\"parameters\":[\"Vanha\"]}");
            assertEquals(400, missingValue.statusCode(), missingValue.body());
            assertTrue(missingValue.body().contains("parameters"), missingValue.body());
            assertEquals(400, api.post("/api/v1/tickets/" + oldTicket + "/template-replies", "{\"template\":\"spring_offer|en_US\",\"parameters\":[]}")
                    .statusCode(), "a template still in review is not offered");
            assertEquals(202, api.post("/api/v1/tickets/" + oldTicket + "/template-replies",
                    "{\"template\":\"order_update|en_US\",\"parameters\":[\"Vanha\",\"A-1001\"]}").statusCode());
            awaitMessage(oldTicket, m -> "Hi Vanha, your order A-1001 has shipped.".equals(m.getString("text")) && "SENT".equals(m.getString("deliveryState")));
            JsonObject templated = graph.sent().get(graph.sent().size() - 1).body();
            assertEquals("template", templated.getString("type"));
            assertEquals("order_update", templated.getJsonObject("template").getString("name"));
            assertEquals("en_US", templated.getJsonObject("template").getJsonObject("language").getString("code"));
            assertEquals("[{\"type\":\"text\",\"text\":\"Vanha\"},{\"type\":\"text\",\"text\":\"A-1001\"}]",
                    templated.getJsonObject("template").getJsonArray("components").getJsonObject(0).getJsonArray("parameters").toString());

            // a type Meta marks unsupported is kept with the reason and does not block the next message
            assertEquals(200, postSigned(meta, whatsAppMessage(phoneNumberId, "358401234567", "Liisa Lainé", "wamid.unsup" + unique("u").replace("-", ""),
                    System.currentTimeMillis() / 1000, "\"type\":\"unsupported\",\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\"}]"), secret).statusCode());
            assertEquals(200, postSigned(meta, whatsAppMessage(phoneNumberId, "358401234567", "Liisa Lainé", "wamid.loc" + unique("l").replace("-", ""),
                    System.currentTimeMillis() / 1000, "\"type\":\"location\",\"location\":{\"latitude\":60.1699,\"longitude\":24.9384,\"name\":\"Kauppatori\"}"),
                    secret).statusCode());
            awaitMessage(ticketId, m -> m.getString("text").startsWith("Location: 60.1699, 24.9384 — Kauppatori"));

            // media: fetched from Meta's media endpoints into attachments, once, checked against Meta's checksum;
            // a media id Meta no longer has is given up at once, with the reason on the timeline
            String mediaId = String.valueOf(1_000_000_000_000L + new java.util.Random().nextInt(999_999_999));
            byte[] photo = new byte[48_213];
            new java.util.Random().nextBytes(photo);
            graph.media(mediaId, "image/jpeg", photo);
            String imageWebhook = whatsAppMessage(phoneNumberId, "358401234567", "Liisa Lainé", "wamid.img" + unique("i").replace("-", ""),
                    System.currentTimeMillis() / 1000, "\"type\":\"image\",\"image\":{\"caption\":\"The broken part\",\"mime_type\":\"image/jpeg\","
                            + "\"sha256\":\"x\",\"id\":\"" + mediaId + "\"}");
            assertEquals(200, postSigned(meta, imageWebhook, secret).statusCode());
            assertEquals(200, postSigned(meta, imageWebhook, secret).statusCode(), "Meta delivers it again");
            JsonObject image = null;
            for (int round = 0; round < 4 && image == null; round++) {
                try {
                    image = awaitMessage(ticketId, m -> m.getString("text").equals("[image] The broken part") && !m.getJsonArray("attachments").isEmpty());
                } catch (AssertionError notYet) {
                    // fetched every few seconds
                }
            }
            assertNotNull(image, "the image is on the ticket");
            JsonObject file = image.getJsonArray("attachments").getJsonObject(0);
            assertEquals("image/jpeg", file.getString("contentType"));
            assertEquals(photo.length, file.getJsonNumber("size").longValue());
            assertEquals("whatsapp-image-" + mediaId + ".jpg", file.getString("filename"));
            assertEquals(1, image.getJsonArray("attachments").size());
            assertEquals(1, graph.downloads(mediaId), "fetched once though delivered twice");
            String goneId = String.valueOf(2_000_000_000_000L + new java.util.Random().nextInt(999_999_999));
            assertEquals(200, postSigned(meta, whatsAppMessage(phoneNumberId, "358401234567", "Liisa Lainé", "wamid.doc" + unique("d").replace("-", ""),
                    System.currentTimeMillis() / 1000, "\"type\":\"document\",\"document\":{\"filename\":\"lasku.pdf\",\"mime_type\":\"application/pdf\","
                            + "\"id\":\"" + goneId + "\"}"), secret).statusCode());
            String timeline = "";
            for (int i = 0; i < 150 && !timeline.contains("lasku.pdf"); i++) {
                Thread.sleep(100);
                timeline = ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("timeline").toString();
            }
            assertTrue(timeline.contains("could not be fetched (lasku.pdf)") && timeline.contains("Meta no longer has this file"), timeline);

            // a revoked token: the channel says "reconnect needed" and the reply waits instead of failing
            graph.acceptOnly(null);
            api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"One more thing\"}");
            JsonObject waiting = awaitMessage(ticketId, m -> "One more thing".equals(m.getString("text")) && m.containsKey("deliveryError")
                    && !m.isNull("deliveryError"));
            assertEquals("PENDING", waiting.getString("deliveryState"), waiting.toString());
            assertTrue(waiting.getString("deliveryError").contains("190"), waiting.toString());
            assertTrue(ApiClient.object(api.get("/api/v1/channels/" + channelId + "/whatsapp")).getBoolean("reconnectNeeded"));

            // a new token saved: the waiting reply goes now, not at its next try ten minutes on, and its wait was no failed attempt
            graph.acceptOnly("EAAG-new-token");
            HttpResponse<String> reconnected = api.send("PUT", "/api/v1/channels/" + channelId + "/whatsapp", "{\"accessToken\":\"EAAG-new-token\"}");
            assertEquals(200, reconnected.statusCode(), reconnected.body());
            assertFalse(ApiClient.object(reconnected).getBoolean("reconnectNeeded"));
            JsonObject wentOut = awaitMessage(ticketId, m -> "One more thing".equals(m.getString("text")) && "SENT".equals(m.getString("deliveryState")));
            assertTrue(!wentOut.containsKey("deliveryError") || wentOut.isNull("deliveryError"), wentOut.toString());
            assertTrue(graph.sent().stream().anyMatch(request -> request.body().toString().contains("One more thing")), "Meta got the reply");
        }
    }

    private static HttpResponse<String> callEvent(HttpSession phone, String token, String form) {
        return phone.post("/webhooks/calls/" + token, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject callOn(long channelId, String number) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (JsonObject ticket : ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getValuesAs(JsonObject.class)) {
                JsonObject detail = ApiClient.object(api.get("/api/v1/tickets/" + ticket.getJsonNumber("id").longValue()));
                for (JsonObject message : detail.getJsonArray("messages").getValuesAs(JsonObject.class)) {
                    if (message.containsKey("call") && number.equals(message.getJsonObject("call").getString("customerNumber", null))) {
                        return detail;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no call from " + number + " on channel " + channelId);
    }

    private static long idOf(JsonObject detail) {
        return detail.getJsonObject("ticket").getJsonNumber("id").longValue();
    }

    private static Long ownerOf(JsonObject detail) {
        JsonObject ticket = detail.getJsonObject("ticket");
        return ticket.containsKey("ownerId") ? ticket.getJsonNumber("ownerId").longValue() : null;
    }

    private static List<JsonObject> callsOf(JsonObject detail) {
        return detail.getJsonArray("messages").getValuesAs(JsonObject.class).stream().filter(m -> m.containsKey("call")).map(m -> m.getJsonObject("call")).toList();
    }

    private JsonObject awaitTicket(long ticketId, java.util.function.Predicate<JsonObject> condition, String what) throws InterruptedException {
        JsonObject detail = null;
        for (int i = 0; i < 150; i++) {
            detail = ApiClient.object(api.get("/api/v1/tickets/" + ticketId));
            if (condition.test(detail)) {
                return detail;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": " + detail);
    }

    @Test
    void aPhoneSystemsCallEventsBecomeCallsOnTicketsWhateverTheirOrderAndMissedCallsAreRoutedForACallBack() throws Exception {
        String agentName = unique("anna");
        String extension = String.valueOf(2_000_000 + new java.util.Random().nextInt(999_999));
        long agent = api.create("/api/v1/users", "{\"username\":\"" + agentName + "\",\"fullName\":\"Anna Phone\",\"roles\":[\"AGENT\"],"
                + "\"paidSeat\":true,\"availability\":\"AVAILABLE\",\"callingAddress\":\"" + extension + "\"}").getJsonNumber("id").longValue();
        HttpResponse<String> taken = api.post("/api/v1/users", "{\"username\":\"" + unique("ben") + "\",\"fullName\":\"Ben\",\"roles\":[\"AGENT\"],"
                + "\"callingAddress\":\"" + extension.substring(0, 3) + " " + extension.substring(3) + "\"}");
        assertEquals(400, taken.statusCode(), "one extension, one agent: " + taken.body());
        assertTrue(taken.body().contains("callingAddress"), taken.body());
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CTI\",\"name\":\"" + unique("Phone") + "\","
                + "\"routing\":{\"mode\":\"USERS_AND_TEAMS\",\"availableOnly\":true,\"userIds\":[" + agent + "]}}");
        long channelId = channel.getJsonNumber("id").longValue();
        HttpResponse<String> badCountry = api.send("PUT", "/api/v1/channels/" + channelId + "/cti", "{\"country\":\"XX\"}");
        assertEquals(400, badCountry.statusCode(), badCountry.body());
        assertTrue(badCountry.body().contains("country"), badCountry.body());
        HttpResponse<String> badBlocked = api.send("PUT", "/api/v1/channels/" + channelId + "/cti", "{\"country\":\"DE\",\"blockedNumbers\":[\"+49 30 111111\",\"call me\"]}");
        assertEquals(400, badBlocked.statusCode(), badBlocked.body());
        assertTrue(badBlocked.body().contains("blockedNumbers[1]"), badBlocked.body());
        JsonObject settings = ApiClient.object(api.send("PUT", "/api/v1/channels/" + channelId + "/cti", "{\"country\":\"DE\","
                + "\"voicemailNumbers\":[\"4930 609811111\"],\"blockedNumbers\":[\"030 111111\"],\"outboundCallerId\":\"069 90009111\",\"giveUpMinutes\":1}"));
        assertEquals(List.of("+4930111111"), settings.getJsonArray("blockedNumbers").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        String url = settings.getString("webhookUrl");
        String token = url.substring(url.indexOf("/webhooks/calls/") + "/webhooks/calls/".length());
        HttpSession phone = new HttpSession(api.http().uri("/"));
        String ours = "493023125741";

        // a call nobody hangs up: closed by time (1 minute here) while the rest runs
        String stuckNumber = "+4922147" + (10000 + new java.util.Random().nextInt(89999));
        assertEquals(200, callEvent(phone, token, "event=newCall&direction=in&callId=" + unique("stuck") + "&from=" + stuckNumber.substring(1) + "&to=" + ours).statusCode());
        Instant stuckSince = Instant.now();

        // refusals: JSON naming the field, never a page
        HttpResponse<String> unknown = callEvent(phone, "not-a-token", "event=newCall&callId=1&direction=in&from=1&to=2");
        assertJsonError(unknown, 401);
        assertJsonError(phone.post("/webhooks/calls/" + token, "text/plain", "event=newCall".getBytes(StandardCharsets.UTF_8)), 415);
        HttpResponse<String> noCallId = callEvent(phone, token, "event=newCall&direction=in&from=0221+4710334&to=" + ours);
        assertJsonError(noCallId, 400);
        assertEquals(List.of("callId"), ApiClient.object(noCallId).getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertJsonError(callEvent(phone, token, "event=newCall&callId=x1&from=0221+4710334&to=" + ours), 400);
        assertJsonError(phone.get("/webhooks/calls/" + token), 405);

        // answered, with events late and twice: newCall, hangup, then the answer; each one again
        String caller = "+492214" + (100000 + new java.util.Random().nextInt(899999));
        String callId = unique("c");
        String newCall = "event=newCall&direction=in&callId=" + callId + "&from=0" + caller.substring(3, 6) + "%2F" + caller.substring(6) + "&to=" + ours + "&user%5B%5D=Anna+Phone";
        assertEquals("{}", callEvent(phone, token, newCall).body());
        JsonObject ringing = callOn(channelId, caller);
        long ticketId = idOf(ringing);
        assertEquals("RINGING", callsOf(ringing).get(0).getString("state"));
        assertEquals(null, ownerOf(ringing), "while it rings the ticket is not routed: " + ringing);
        assertFalse(ringing.getJsonObject("ticket").getBoolean("awaitingRouting"), "nor waiting for routing: the phone system offers the call");
        String hangup = "event=hangup&direction=in&callId=" + callId + "&from=" + caller.substring(1) + "&to=" + ours + "&cause=normalClearing";
        assertEquals(200, callEvent(phone, token, hangup).statusCode());
        String answer = "event=answer&direction=in&callId=" + callId + "&from=" + caller.substring(1) + "&to=" + ours + "&user=Anna+Phone&answeringNumber=" + extension;
        assertEquals(200, callEvent(phone, token, answer).statusCode());
        for (String again : List.of(newCall, hangup, answer)) {
            assertEquals(200, callEvent(phone, token, again).statusCode(), "sent again");
        }
        JsonObject answered = awaitTicket(ticketId, d -> callsOf(d).size() == 1 && "ANSWERED".equals(callsOf(d).get(0).getString("state")), "the call answered");
        JsonObject call = callsOf(answered).get(0);
        assertEquals(1, answered.getJsonArray("messages").size(), "one call, one message: " + answered);
        assertEquals(agentName, call.getString("agent"));
        assertEquals("INBOUND", call.getString("direction"));
        assertEquals("+49" + ours.substring(2), call.getString("ourNumber"));
        assertEquals(1, ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == ticketId).count());
        JsonObject owned = awaitTicket(ticketId, d -> Long.valueOf(agent).equals(ownerOf(d)), "the ticket is the answering agent's");
        assertTrue(owned.toString().contains("answered a call from " + caller), "on the timeline: " + owned);

        // the same number written another way is the same contact and joins the open ticket
        String second = unique("c2");
        callEvent(phone, token, "event=newCall&direction=in&callId=" + second + "&from=%2B49+" + caller.substring(3, 6) + "+" + caller.substring(6) + "&to=" + ours);
        callEvent(phone, token, "event=hangup&direction=in&callId=" + second + "&from=" + caller.substring(1) + "&to=" + ours + "&cause=cancel");
        JsonObject two = awaitTicket(ticketId, d -> callsOf(d).size() == 2 && callsOf(d).stream().anyMatch(c -> "MISSED".equals(c.getString("state"))), "the second call");
        assertEquals(2, callsOf(two).size());

        // an agent on a call is busy: a missed call meanwhile waits, and is routed when the call ends
        String busyCall = unique("busy");
        String otherCaller = "+492214" + (100000 + new java.util.Random().nextInt(899999));
        callEvent(phone, token, "event=newCall&direction=in&callId=" + busyCall + "&from=" + caller.substring(1) + "&to=" + ours);
        callEvent(phone, token, "event=answer&direction=in&callId=" + busyCall + "&from=" + caller.substring(1) + "&to=" + ours + "&answeringNumber=" + extension);
        awaitTicket(ticketId, d -> callsOf(d).stream().anyMatch(c -> "IN_PROGRESS".equals(c.getString("state"))), "a call in progress");
        String missed = unique("m");
        callEvent(phone, token, "event=newCall&direction=in&callId=" + missed + "&from=" + otherCaller.substring(1) + "&to=" + ours);
        callEvent(phone, token, "event=hangup&direction=in&callId=" + missed + "&from=" + otherCaller.substring(1) + "&to=" + ours + "&cause=cancel");
        JsonObject waiting = callOn(channelId, otherCaller);
        long missedTicket = idOf(waiting);
        JsonObject held = awaitTicket(missedTicket, d -> d.toString().contains("on a call"), "routing skipped the agent on a call");
        assertEquals(null, ownerOf(held), "nobody else can take it: " + held);
        assertTrue(held.toString().contains("Missed call from " + otherCaller), held.toString());
        callEvent(phone, token, "event=hangup&direction=in&callId=" + busyCall + "&from=" + caller.substring(1) + "&to=" + ours + "&cause=normalClearing");
        awaitTicket(missedTicket, d -> Long.valueOf(agent).equals(ownerOf(d)), "routed for a call-back once the agent hung up");

        // a voicemail is routed too; a blocked caller is rejected; an outbound call gets the caller id
        String voicemailCaller = "+492214" + (100000 + new java.util.Random().nextInt(899999));
        String vm = unique("vm");
        callEvent(phone, token, "event=newCall&direction=in&callId=" + vm + "&from=" + voicemailCaller.substring(1) + "&to=" + ours);
        callEvent(phone, token, "event=answer&direction=in&callId=" + vm + "&from=" + voicemailCaller.substring(1) + "&to=" + ours + "&answeringNumber=4930609811111");
        callEvent(phone, token, "event=hangup&direction=in&callId=" + vm + "&from=" + voicemailCaller.substring(1) + "&to=" + ours + "&cause=normalClearing");
        JsonObject voicemail = callOn(channelId, voicemailCaller);
        voicemail = awaitTicket(idOf(voicemail), d -> "VOICEMAIL".equals(callsOf(d).get(0).getString("state"))
                && Long.valueOf(agent).equals(ownerOf(d)), "a voicemail routed for a call-back");
        assertEquals("{\"action\":\"reject\",\"reason\":\"busy\"}",
                callEvent(phone, token, "event=newCall&direction=in&callId=" + unique("b") + "&from=4930111111&to=" + ours).body());
        assertEquals("{\"action\":\"dial\",\"caller_id\":\"496990009111\",\"number\":\"" + caller.substring(1) + "\"}",
                callEvent(phone, token, "event=newCall&direction=out&callId=" + unique("o") + "&from=" + ours + "&to=" + caller.substring(1) + "&user%5B%5D=Anna+Phone").body());

        // an event Switchboard does not act on is kept with the reason, not dropped and not refused
        String transfer = unique("t");
        assertEquals(200, callEvent(phone, token, "event=transfer&callId=" + transfer + "&direction=in&from=1&to=2").statusCode());
        JsonObject kept = ApiClient.array(api.get("/api/v1/inbound-items?state=QUARANTINED&limit=500")).getValuesAs(JsonObject.class).stream()
                .filter(i -> ("cti:" + transfer + ":transfer").equals(i.getString("idempotencyKey"))).findFirst().orElseThrow();
        assertTrue(kept.getString("lastError").contains("transfer"), kept.toString());

        // the call nobody hung up is closed by time, missed, and routed
        JsonObject stuck = callOn(channelId, stuckNumber);
        long stuckTicket = idOf(stuck);
        JsonObject closed = null;
        for (int i = 0; i < 130 && closed == null; i++) {
            JsonObject detail = ApiClient.object(api.get("/api/v1/tickets/" + stuckTicket));
            if ("MISSED".equals(callsOf(detail).get(0).getString("state"))) {
                closed = detail;
            } else {
                Thread.sleep(1000);
            }
        }
        assertTrue(closed != null, "closed within the give-up time and a schedule round");
        assertTrue(callsOf(closed).get(0).getBoolean("endedByTimeout"));
        assertTrue(Duration.between(stuckSince, Instant.now()).toSeconds() >= 55, "not before its time");
        assertTrue(closed.toString().contains("no hangup received"), closed.toString());
    }

    private static HttpResponse<String> twilio(HttpSession twilio, String token, String url, String form) {
        String path = url.substring(url.indexOf("/webhooks/twilio/"));
        return twilio.post(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
                org.switchboard.channels.twilio.control.TwilioSignature.HEADER, org.switchboard.testing.FakeTwilio.sign(token, url, form));
    }

    @Test
    void aTwilioNumberRingsTheChosenAgentTakesVoicemailsIntoTheTicketAndPlacesClickToCalls() throws Exception {
        String account = "AC" + UUID.randomUUID().toString().replace("-", "");
        String token = "auth-" + unique("t");
        String agentName = unique("tina");
        String password = "tina-password-1";
        long agent = api.create("/api/v1/users", "{\"username\":\"" + agentName + "\",\"fullName\":\"Tina Twilio\",\"roles\":[\"AGENT\",\"ADMIN\"],\"paidSeat\":true,"
                + "\"availability\":\"AVAILABLE\",\"password\":\"" + password + "\",\"callingAddress\":\"client:" + agentName + "\"}").getJsonNumber("id").longValue();
        long channelId = api.create("/api/v1/channels", "{\"type\":\"TWILIO_VOICE\",\"name\":\"" + unique("Twilio") + "\","
                + "\"routing\":{\"mode\":\"USERS_AND_TEAMS\",\"availableOnly\":true,\"userIds\":[" + agent + "]}}").getJsonNumber("id").longValue();
        HttpResponse<String> noToken = api.send("PUT", "/api/v1/channels/" + channelId + "/twilio", "{\"accountSid\":\"" + account + "\",\"phoneNumber\":\"09 4245 1234\",\"country\":\"FI\"}");
        assertEquals(400, noToken.statusCode(), noToken.body());
        assertTrue(noToken.body().contains("authToken"), noToken.body());
        JsonObject view = ApiClient.object(api.send("PUT", "/api/v1/channels/" + channelId + "/twilio", "{\"accountSid\":\"" + account + "\",\"authToken\":\""
                + token + "\",\"phoneNumber\":\"09 4245 1234\",\"country\":\"FI\",\"greeting\":\"Leave a message, we call back.\"}"));
        assertFalse(view.toString().contains(token), "the auth token never comes back");
        assertEquals("+35894245" + "1234", view.getString("phoneNumber"));
        String voiceUrl = view.getString("voiceUrl");
        String statusUrl = view.getString("statusUrl");
        String hooks = voiceUrl.substring(0, voiceUrl.length() - "voice".length());
        HttpSession twilio = new HttpSession(api.http().uri("/"));
        String caller = "+35840" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        String incoming = "CallSid=" + callSid + "&AccountSid=" + account + "&From=" + java.net.URLEncoder.encode(caller, StandardCharsets.UTF_8)
                + "&To=%2B358942451234&CallStatus=ringing&Direction=inbound&ApiVersion=2010-04-01";

        try (org.switchboard.testing.FakeTwilio fake = new org.switchboard.testing.FakeTwilio(account, token)) {
            // signatures: missing, wrong token, another URL → 401 and nothing stored
            String path = voiceUrl.substring(voiceUrl.indexOf("/webhooks/"));
            assertJsonError(twilio.post(path, "application/x-www-form-urlencoded", incoming.getBytes(StandardCharsets.UTF_8)), 401);
            assertJsonError(twilio.post(path, "application/x-www-form-urlencoded", incoming.getBytes(StandardCharsets.UTF_8),
                    org.switchboard.channels.twilio.control.TwilioSignature.HEADER, org.switchboard.testing.FakeTwilio.sign("other-token", voiceUrl, incoming)), 401);
            assertJsonError(twilio.post(path, "application/x-www-form-urlencoded", incoming.getBytes(StandardCharsets.UTF_8),
                    org.switchboard.channels.twilio.control.TwilioSignature.HEADER, org.switchboard.testing.FakeTwilio.sign(token, statusUrl, incoming)), 401);
            assertTrue(ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").isEmpty(), "nothing stored");

            // an incoming call: TwiML rings the agent routing chooses, at their calling address
            HttpResponse<String> twiml = twilio(twilio, token, voiceUrl, incoming);
            assertEquals(200, twiml.statusCode(), twiml.body());
            assertTrue(twiml.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
            assertTrue(twiml.body().contains("<Client statusCallbackEvent=\"ringing answered completed\" statusCallback=\"" + hooks + "agent?agent=" + agentName
                    + "&amp;parent=" + callSid + "\">" + agentName + "</Client>"), twiml.body());
            assertEquals(200, twilio(twilio, token, voiceUrl, incoming).statusCode(), "Twilio asks again");
            JsonObject ringing = callOn(channelId, caller);
            assertEquals("RINGING", callsOf(ringing).get(0).getString("state"));
            String leg = "CA" + UUID.randomUUID().toString().replace("-", "");
            assertEquals(200, twilio(twilio, token, hooks + "agent?agent=" + agentName + "&parent=" + callSid,
                    "CallSid=" + leg + "&ParentCallSid=" + callSid + "&CallStatus=ringing&AccountSid=" + account).statusCode(), "the agent's phone rings");
            assertEquals(200, twilio(twilio, token, hooks + "agent?agent=" + agentName + "&parent=" + callSid,
                    "CallSid=" + leg + "&ParentCallSid=" + callSid + "&CallStatus=in-progress&AccountSid=" + account).statusCode());
            JsonObject talking = awaitTicket(idOf(ringing), d -> "IN_PROGRESS".equals(callsOf(d).get(0).getString("state")), "the agent answered");
            assertEquals(Long.valueOf(agent), ownerOf(talking), "the answering agent has the ticket");
            assertEquals(200, twilio(twilio, token, statusUrl, incoming.replace("CallStatus=ringing", "CallStatus=completed") + "&CallDuration=42").statusCode());
            awaitTicket(idOf(ringing), d -> "ANSWERED".equals(callsOf(d).get(0).getString("state")), "the call ended answered");

            // nobody available: the caller hears the greeting and leaves a voicemail, fetched from Twilio into the ticket
            assertEquals(200, api.send("PUT", "/api/v1/users/" + agent + "/availability", "{\"availability\":\"AWAY\"}").statusCode());
            String second = "CA" + UUID.randomUUID().toString().replace("-", "");
            String otherCaller = "+35840" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
            String secondCall = incoming.replace(callSid, second).replace(java.net.URLEncoder.encode(caller, StandardCharsets.UTF_8), java.net.URLEncoder.encode(otherCaller, StandardCharsets.UTF_8));
            String voicemail = twilio(twilio, token, voiceUrl, secondCall).body();
            assertTrue(voicemail.contains("<Say language=\"en-US\">Leave a message, we call back.</Say><Record maxLength=\"120\""), voicemail);
            assertTrue(voicemail.contains("recordingStatusCallback=\"" + hooks + "recording\""), voicemail);
            assertEquals(200, twilio(twilio, token, hooks + "recording", "CallSid=" + second + "&AccountSid=" + account + "&RecordingSid=RE" + second.substring(2)
                    + "&RecordingUrl=" + java.net.URLEncoder.encode(fake.recordingUrl("RE" + second.substring(2)), StandardCharsets.UTF_8)
                    + "&RecordingStatus=completed&RecordingDuration=7").statusCode());
            assertEquals(200, twilio(twilio, token, statusUrl, secondCall.replace("CallStatus=ringing", "CallStatus=completed")).statusCode());
            JsonObject left = callOn(channelId, otherCaller);
            left = awaitTicket(idOf(left), d -> "VOICEMAIL".equals(callsOf(d).get(0).getString("state"))
                    && !d.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments").isEmpty(), "the voicemail kept on the ticket");
            JsonObject file = left.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments").getJsonObject(0);
            assertEquals("audio/mpeg", file.getString("contentType"));
            assertEquals(40 * 417, file.getJsonNumber("size").longValue());
            assertTrue(left.toString().contains("Voicemail from " + otherCaller), left.toString());

            // a dial nobody answered goes to voicemail too; a recording URL that is not Twilio's is never fetched
            assertTrue(twilio(twilio, token, hooks + "dial", "CallSid=" + second + "&DialCallStatus=no-answer").body().contains("<Record"));
            String third = "CA" + UUID.randomUUID().toString().replace("-", "");
            String thirdCaller = "+35840" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
            twilio(twilio, token, voiceUrl, incoming.replace(callSid, third).replace(java.net.URLEncoder.encode(caller, StandardCharsets.UTF_8),
                    java.net.URLEncoder.encode(thirdCaller, StandardCharsets.UTF_8)));
            twilio(twilio, token, hooks + "recording", "CallSid=" + third + "&RecordingSid=RE" + third.substring(2)
                    + "&RecordingUrl=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data&RecordingStatus=completed&RecordingDuration=3");
            JsonObject refused = callOn(channelId, thirdCaller);
            awaitTicket(idOf(refused), d -> d.toString().contains("could not be fetched") && d.toString().contains("not Twilio"), "the foreign URL refused");

            // click-to-call: Twilio rings the agent, then the contact; the call is on the ticket at once
            assertEquals(200, api.send("PUT", "/api/v1/users/" + agent + "/availability", "{\"availability\":\"AVAILABLE\"}").statusCode());
            HttpResponse<String> noAddress = api.post("/api/v1/tickets/" + idOf(left) + "/calls", "{}");
            assertEquals(409, noAddress.statusCode(), "the admin has no calling address: " + noAddress.body());
            ApiClient tina = new ApiClient(api.http().uri("/"), agentName, password); // an agent who is also an admin: minting a token needs admin
            HttpResponse<String> placed = tina.post("/api/v1/tickets/" + idOf(left) + "/calls", "{}");
            assertEquals(202, placed.statusCode(), placed.body());
            String outbound = ApiClient.object(placed).getString("callId");
            Map<String, List<String>> asked = fake.placed().get(fake.placed().size() - 1);
            assertEquals(List.of("client:" + agentName), asked.get("To"));
            assertEquals(List.of("+358942451234"), asked.get("From"));
            String dialUrl = asked.get("Url").get(0);
            assertTrue(dialUrl.startsWith(hooks + "outbound?customer=") && dialUrl.contains(java.net.URLEncoder.encode(otherCaller, StandardCharsets.UTF_8)), dialUrl);
            awaitTicket(idOf(left), d -> callsOf(d).stream().anyMatch(c -> "OUTBOUND".equals(c.getString("direction")) && "RINGING".equals(c.getString("state"))),
                    "the placed call on the ticket");
            String bridge = twilio(twilio, token, dialUrl, "CallSid=" + outbound + "&CallStatus=in-progress&Direction=outbound-api").body();
            assertTrue(bridge.contains("callerId=\"+358942451234\"><Number") && bridge.contains(">" + otherCaller + "</Number>"), bridge);
            String customerHook = bridge.substring(bridge.indexOf("statusCallback=\"") + 16, bridge.indexOf("\">" + otherCaller)).replace("&amp;", "&");
            String status = asked.get("StatusCallback").get(0);
            assertEquals(200, twilio(twilio, token, customerHook, "CallSid=CA" + UUID.randomUUID().toString().replace("-", "") + "&ParentCallSid=" + outbound
                    + "&CallStatus=in-progress").statusCode());
            assertEquals(200, twilio(twilio, token, status, "CallSid=" + outbound + "&CallStatus=completed&Direction=outbound-api&From=%2B358942451234&To=client%3A" + agentName).statusCode());
            JsonObject called = awaitTicket(idOf(left), d -> callsOf(d).stream().anyMatch(c -> "OUTBOUND".equals(c.getString("direction"))
                    && "ANSWERED".equals(c.getString("state"))), "the click-to-call answered and ended");
            assertTrue(called.toString().contains(agentName + " called " + otherCaller), called.toString());
        }
    }

    private List<JsonObject> awaitTickets(long channelId, java.util.function.Predicate<List<JsonObject>> condition) throws InterruptedException {
        List<JsonObject> tickets = List.of();
        for (int i = 0; i < 100; i++) {
            tickets = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getValuesAs(JsonObject.class);
            if (condition.test(tickets)) {
                return tickets;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the channel's tickets never came to that: " + tickets);
    }

    private JsonObject awaitMessage(long ticketId, java.util.function.Predicate<JsonObject> condition) throws InterruptedException {
        List<JsonObject> messages = List.of();
        for (int i = 0; i < 100; i++) {
            messages = ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("messages").getValuesAs(JsonObject.class);
            java.util.Optional<JsonObject> found = messages.stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such message on ticket " + ticketId + ": " + messages);
    }

    /** A bot's flow, as the settings screen saves it: greet, ask with buttons, collect an email, hand over or close. */
    private static final String BOT_FLOW = "{\"steps\":["
            + "{\"id\":\"welcome\",\"kind\":\"MESSAGE\",\"text\":{\"en\":\"Hi, I am the assistant.\",\"fi\":\"Hei, olen avustaja.\"}},"
            + "{\"id\":\"topic\",\"kind\":\"ASK\",\"text\":{\"en\":\"What is it about?\",\"fi\":\"Mistä on kyse?\"},\"choices\":["
            + "{\"label\":{\"en\":\"Billing\",\"fi\":\"Laskutus\"},\"next\":\"email\"},{\"label\":{\"en\":\"Just looking\",\"fi\":\"Katselen\"},\"next\":\"bye\"}]},"
            + "{\"id\":\"email\",\"kind\":\"COLLECT\",\"collect\":\"EMAIL\",\"text\":{\"en\":\"Your email address?\",\"fi\":\"Sähköpostiosoitteesi?\"}},"
            + "{\"id\":\"handoff\",\"kind\":\"HANDOFF\",\"text\":{\"en\":\"Someone will answer shortly.\"}},"
            + "{\"id\":\"bye\",\"kind\":\"CLOSE\",\"text\":{\"en\":\"Thanks for visiting!\"}}]}";

    @Test
    void aChatBotAnswersFirstKeepsWhatItIsToldAndRoutingWaitsForItsHandoff() throws Exception {
        long team = api.create("/api/v1/teams", "{\"name\":\"" + unique("Bot team") + "\"}").getJsonNumber("id").longValue();
        long agent = api.create("/api/v1/users", "{\"username\":\"" + unique("botagent") + "\",\"fullName\":\"Bot Agent\",\"roles\":[\"AGENT\"],"
                + "\"paidSeat\":true,\"teamIds\":[" + team + "]}").getJsonNumber("id").longValue();
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CHAT\",\"name\":\"" + unique("Bot chat")
                + "\",\"routing\":{\"mode\":\"USERS_AND_TEAMS\",\"teamIds\":[" + team + "]}}");
        long channelId = channel.getJsonNumber("id").longValue();
        String bot = "/api/v1/channels/" + channelId + "/chat/bot";
        assertEquals(404, api.get(bot).statusCode(), "live chat only until a bot is saved");
        HttpResponse<String> unworkable = api.send("PUT", bot, BOT_FLOW.replace("\"next\":\"bye\"", "\"next\":\"nowhere\""));
        assertEquals(400, unworkable.statusCode(), unworkable.body());
        assertTrue(unworkable.body().contains("steps[1].choices[1].next"), "names the step and part: " + unworkable.body());
        assertEquals(200, api.send("PUT", bot, BOT_FLOW).statusCode());
        assertEquals(5, ApiClient.object(api.get(bot)).getJsonArray("steps").size());
        JsonObject preview = ApiClient.object(api.post(bot + "/preview", "{\"flow\":" + BOT_FLOW + ",\"language\":\"fi\",\"answers\":[\"Laskutus\",\"liisa@example.fi\"]}"));
        assertEquals("HANDOFF", preview.getString("end"), preview.toString());
        assertEquals("Sähköpostiosoitteesi?", preview.getJsonArray("lines").getJsonObject(3).getString("text"), preview.toString());

        String chat = "/api/v1/inbound/chat/" + channel.getString("key") + "/";
        HttpSession visitor = new HttpSession(api.http().uri("/"));
        String token = ApiClient.object(visitor.postJson(chat + "session", "{\"language\":\"en\"}")).getString("token");
        java.util.function.BiFunction<String, String, Integer> send = (clientId, text) -> ApiClient.object(visitor.postJson(chat + "messages",
                "{\"token\":\"" + token + "\",\"clientId\":\"" + clientId + "\",\"text\":\"" + text + "\",\"language\":\"en\"}")).getInt("seq");
        assertEquals(1, send.apply("m1", "Hello, my invoice is wrong"));
        List<JsonObject> lines = ApiClient.object(visitor.postJson(chat + "poll", "{\"token\":\"" + token + "\",\"after\":0}"))
                .getJsonArray("messages").getValuesAs(JsonObject.class);
        assertEquals(List.of("visitor", "bot", "bot"), lines.stream().map(l -> l.getString("from")).toList(), lines.toString());
        assertEquals("What is it about?", lines.get(2).getString("text"));
        assertEquals("[\"Billing\",\"Just looking\"]", lines.get(2).getJsonArray("buttons").toString(), "the question offers its answers");
        JsonObject ticket = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getJsonObject(0);
        long ticketId = ticket.getJsonNumber("id").longValue();
        assertFalse(ticket.containsKey("ownerId"), "nobody is assigned while the bot talks: " + ticket);
        assertFalse(ticket.getBoolean("awaitingRouting"), ticket.toString());

        assertEquals(4, send.apply("m2", "billing"));
        assertEquals(4, send.apply("m2", "billing"), "a resend is the same message: the bot does not answer twice");
        assertEquals(6, send.apply("m3", "not an address"));
        String email = unique("liisa.bot") + "@example.fi"; // unique: a rerun on the same database finds the address taken otherwise
        assertEquals(8, send.apply("m4", email));
        lines = ApiClient.object(visitor.postJson(chat + "poll", "{\"token\":\"" + token + "\",\"after\":3}")).getJsonArray("messages").getValuesAs(JsonObject.class);
        assertEquals(List.of("billing", "Your email address?", "not an address", "Your email address?", email, "Someone will answer shortly."),
                lines.stream().map(l -> l.getString("text")).toList(), "a wrong answer gets the question again");
        JsonObject handed = null;
        for (int i = 0; i < 50 && (handed == null || !handed.containsKey("ownerId")); i++) {
            handed = ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonObject("ticket");
            Thread.sleep(100);
        }
        assertEquals(agent, handed.getJsonNumber("ownerId").longValue(), "the handoff routes the ticket: " + handed);
        JsonObject detail = ApiClient.object(api.get("/api/v1/tickets/" + ticketId));
        List<JsonObject> messages = detail.getJsonArray("messages").getValuesAs(JsonObject.class);
        assertEquals(9, messages.size(), detail.toString());
        assertTrue(messages.stream().filter(m -> "OUTBOUND".equals(m.getString("direction"))).allMatch(m -> m.getBoolean("automatic")),
                "the bot's messages are marked automatic: " + messages);
        String timeline = detail.getJsonArray("timeline").toString();
        assertTrue(timeline.contains("kept the email address: " + email), timeline);
        assertTrue(timeline.contains("handed the conversation to a person"), timeline);

        // another visitor who is just looking: the bot closes the ticket and nobody is assigned
        HttpSession looker = new HttpSession(api.http().uri("/"));
        String other = ApiClient.object(looker.postJson(chat + "session", "{}")).getString("token");
        looker.postJson(chat + "messages", "{\"token\":\"" + other + "\",\"clientId\":\"l1\",\"text\":\"Hi\"}");
        looker.postJson(chat + "messages", "{\"token\":\"" + other + "\",\"clientId\":\"l2\",\"text\":\"Just looking\"}");
        JsonObject closed = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getJsonNumber("id").longValue() != ticketId).findFirst().orElseThrow();
        assertTrue(closed.getBoolean("closed"), closed.toString());
        assertFalse(closed.containsKey("ownerId"), closed.toString());

        assertEquals(204, api.send("DELETE", bot, null).statusCode());
        assertEquals(404, api.send("DELETE", bot, null).statusCode());
    }

    @Test
    void chatVisitorsMessagesAreJournaledOnceInOrderRepliesWakeLongPollsAndOnlyVerifiedUsersTalkWhereRequired() throws Exception {
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CHAT\",\"name\":\"" + unique("Chat") + "\"}");
        long channelId = channel.getJsonNumber("id").longValue();
        String chat = "/api/v1/inbound/chat/" + channel.getString("key") + "/";
        HttpSession anyone = new HttpSession(api.http().uri("/"));

        JsonObject session = ApiClient.object(anyone.postJson(chat + "session", "{\"language\":\"fi\"}"));
        assertFalse(session.getBoolean("verified"));
        assertEquals("Hei! Miten voimme auttaa?", session.getJsonObject("appearance").getString("greeting"));
        assertEquals(0, session.getInt("lastSeq"));
        String token = session.getString("token");

        // the widget sends, loses the answer, and sends the same message again: one message, one place
        String question = "Where is my order " + unique("o") + "?";
        String send = "{\"token\":\"" + token + "\",\"clientId\":\"m1\",\"text\":\"" + question + "\"}";
        HttpResponse<String> first = anyone.postJson(chat + "messages", send);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(first.body(), anyone.postJson(chat + "messages", send).body(), "a resend answers with the first one's place");
        assertEquals(1, ApiClient.object(first).getInt("seq"));
        assertEquals(2, ApiClient.object(anyone.postJson(chat + "messages",
                "{\"token\":\"" + token + "\",\"clientId\":\"m2\",\"text\":\"It was due Monday.\"}")).getInt("seq"));
        jakarta.json.JsonArray lines = ApiClient.object(anyone.postJson(chat + "poll", "{\"token\":\"" + token + "\",\"after\":0}")).getJsonArray("messages");
        assertEquals(List.of(1, 2), lines.getValuesAs(JsonObject.class).stream().map(l -> l.getInt("seq")).toList());
        assertEquals("m1", lines.getJsonObject(0).getString("clientId"));
        JsonObject ticket = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getJsonObject(0);
        assertEquals(question, ticket.getString("subject"));
        long ticketId = ticket.getJsonNumber("id").longValue();

        // a long poll waits, and the agent's reply wakes it
        java.util.concurrent.CompletableFuture<HttpResponse<String>> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> anyone.postJson(chat + "poll", "{\"token\":\"" + token + "\",\"after\":2,\"waitSeconds\":25}"));
        Thread.sleep(700);
        assertFalse(waiting.isDone(), "nothing new yet: the poll waits");
        long replied = System.nanoTime();
        assertEquals(202, api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"It ships today.\"}").statusCode());
        JsonObject woken = ApiClient.object(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS)).getJsonArray("messages").getJsonObject(0);
        long wokenMillis = (System.nanoTime() - replied) / 1_000_000;
        assertTrue(wokenMillis < 3000, "the reply reached the waiting poll after " + wokenMillis + " ms");
        assertEquals(3, woken.getInt("seq"));
        assertEquals("agent", woken.getString("from"));
        assertEquals("It ships today.", woken.getString("text"));
        assertEquals(204, anyone.postJson(chat + "seen", "{\"token\":\"" + token + "\",\"seq\":3,\"read\":true}").statusCode());
        JsonObject detail = ApiClient.object(api.get("/api/v1/tickets/" + ticketId));
        assertEquals(3, detail.getJsonArray("messages").size(), detail.toString());
        assertTrue(detail.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getString("text").equals("It ships today.") && m.getString("deliveryState").equals("READ")), detail.toString());

        // bad input gets a precise answer that the widget can read (CORS on errors too)
        HttpResponse<String> badId = anyone.postJson(chat + "messages", "{\"token\":\"" + token + "\",\"clientId\":\"has space\",\"text\":\"x\"}");
        assertEquals(400, badId.statusCode());
        assertTrue(badId.body().contains("clientId"), badId.body());
        assertEquals("*", badId.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals(401, anyone.postJson(chat + "messages", "{\"token\":\"forged." + "x\",\"clientId\":\"m3\",\"text\":\"x\"}").statusCode());
        assertEquals(400, anyone.postJson(chat + "messages", "{\"token\":\"" + token + "\",\"clientId\":\"m3\",\"text\":\"" + "x".repeat(5001) + "\"}").statusCode());
        assertEquals(404, anyone.postJson("/api/v1/inbound/chat/no-such-key/session", "{}").statusCode());
        HttpResponse<String> preflight = anyone.send("OPTIONS", chat + "messages", null, "Origin", "https://shop.example", "Access-Control-Request-Method", "POST");
        assertTrue(preflight.statusCode() == 204 || preflight.statusCode() == 200, preflight.statusCode() + " " + preflight.body());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        // only verified users: the secret is shown once; anonymous visitors and forged hashes are refused
        JsonObject settings = ApiClient.object(api.send("PUT", "/api/v1/channels/" + channelId + "/chat", "{\"requireVerifiedIdentity\":true}"));
        String secret = settings.getString("identitySecret");
        assertFalse(ApiClient.object(api.get("/api/v1/channels/" + channelId + "/chat")).toString().contains(secret), "never shown again");
        HttpResponse<String> anonymous = anyone.postJson(chat + "session", "{}");
        assertEquals(403, anonymous.statusCode());
        assertTrue(anonymous.body().contains("VERIFIED_IDENTITY_REQUIRED"), anonymous.body());
        assertEquals(401, anyone.postJson(chat + "messages", "{\"token\":\"" + token + "\",\"clientId\":\"m4\",\"text\":\"still here?\"}").statusCode(),
                "an anonymous visitor's earlier token no longer sends");
        String email = unique("verified") + "@example.fi";
        HttpResponse<String> forged = anyone.postJson(chat + "session", "{\"user\":{\"id\":\"42\",\"email\":\"" + email + "\",\"hash\":\""
                + org.switchboard.channels.chat.control.HostIdentity.hash(secret, "43") + "\"}}");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("IDENTITY_NOT_VERIFIED"), forged.body());
        long[] contacts = new long[2];
        for (int i = 0; i < 2; i++) {
            String id = "user-" + i + "-" + unique("u");
            JsonObject verified = ApiClient.object(anyone.postJson(chat + "session", "{\"user\":{\"id\":\"" + id + "\",\"email\":\"" + email
                    + "\",\"name\":\"Vera Verified\",\"hash\":\"" + org.switchboard.channels.chat.control.HostIdentity.hash(secret, id) + "\"}}"));
            assertTrue(verified.getBoolean("verified"));
            String subject = "Verified question " + unique("q");
            assertEquals(200, anyone.postJson(chat + "messages", "{\"token\":\"" + verified.getString("token") + "\",\"clientId\":\"v1\",\"text\":\"" + subject + "\"}").statusCode());
            contacts[i] = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(t -> t.getString("subject").equals(subject)).findFirst().orElseThrow().getJsonNumber("contactId").longValue();
        }
        assertEquals(contacts[0], contacts[1], "a verified email joins the contact who already has it");

        // explicit consent: a visitor who has not accepted cannot send; once accepted, they are not asked again
        assertEquals(200, api.send("PUT", "/api/v1/channels/" + channelId + "/chat", "{\"consent\":\"EXPLICIT\",\"consentTextEn\":\"We keep chats for a year.\"}").statusCode());
        String id = "user-consent-" + unique("u");
        String consenting = ApiClient.object(anyone.postJson(chat + "session", "{\"user\":{\"id\":\"" + id + "\",\"hash\":\""
                + org.switchboard.channels.chat.control.HostIdentity.hash(secret, id) + "\"}}")).getString("token");
        HttpResponse<String> unconsented = anyone.postJson(chat + "messages", "{\"token\":\"" + consenting + "\",\"clientId\":\"c1\",\"text\":\"hi\"}");
        assertEquals(400, unconsented.statusCode());
        assertTrue(unconsented.body().contains("\"consent\""), unconsented.body());
        assertEquals(200, anyone.postJson(chat + "messages", "{\"token\":\"" + consenting + "\",\"clientId\":\"c1\",\"text\":\"hi\",\"consent\":true}").statusCode());
        assertEquals(200, anyone.postJson(chat + "messages", "{\"token\":\"" + consenting + "\",\"clientId\":\"c2\",\"text\":\"again\"}").statusCode(),
                "accepted once is enough");
    }
}
