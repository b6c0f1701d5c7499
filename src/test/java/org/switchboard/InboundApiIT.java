package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.HttpSession;

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
}
