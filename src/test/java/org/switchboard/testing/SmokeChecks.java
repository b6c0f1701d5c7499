package org.switchboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * What a user checks first on any server the WAR is deployed to: it is healthy with its database,
 * the sign-in page renders, pages need sign-in, and the admin can mint and use an API token.
 * Run unchanged against Payara Micro and WildFly.
 */
public final class SmokeChecks {

    private SmokeChecks() {
    }

    public static void run(URI base, String adminPassword) {
        HttpSession http = new HttpSession(base);

        HttpResponse<String> health = http.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonObject healthBody = Json.createReader(new StringReader(health.body())).readObject();
        assertEquals("UP", healthBody.getString("status"));
        assertTrue(healthBody.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("UP")), health.body());

        HttpResponse<String> root = http.get("/");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        HttpResponse<String> login = http.get("/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("Sign in to Switchboard"));

        HttpResponse<String> created = http.postJson("/api/v1/api-tokens", "{\"name\":\"smoke\"}",
                "Authorization", HttpSession.basic("admin", adminPassword));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject token = Json.createReader(new StringReader(created.body())).readObject();
        Instant.parse(token.getString("createdAt")); // the same JSON (ISO-8601 times) on every server
        HttpResponse<String> listed = http.get("/api/v1/api-tokens", "Authorization", "Bearer " + token.getString("token"));
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(401, http.get("/api/v1/api-tokens").statusCode());

        HttpResponse<String> openApi = http.get("/openapi");
        assertEquals(200, openApi.statusCode(), "the API description is public");
        assertTrue(openApi.body().contains("/api/v1/channels/{channelKey}/messages"), openApi.body());

        // A message posted to the generic inbound endpoint becomes a ticket.
        ApiClient api = new ApiClient(base, adminPassword);
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"Smoke " + System.nanoTime() + "\"}");
        HttpResponse<String> posted = api.post("/api/v1/channels/" + channel.getString("key") + "/messages",
                "{\"externalId\":\"smoke-1\",\"from\":{\"email\":\"smoke@example.com\"},\"subject\":\"Smoke test\",\"text\":\"Hello\"}");
        assertEquals(202, posted.statusCode(), posted.body());
        long ticketId = ApiClient.object(posted).getJsonNumber("ticketId").longValue();
        JsonObject ticket = ApiClient.object(api.get("/api/v1/tickets/" + ticketId));
        assertEquals("Smoke test", ticket.getJsonObject("ticket").getString("subject"));
        assertEquals(1, ticket.getJsonArray("messages").size());

        // Bad input is JSON naming the field, on every server: Bean Validation, and the single-line rule of services.
        HttpResponse<String> invalid = api.post("/api/v1/users", "{\"username\":\"\",\"fullName\":\"X\",\"roles\":[\"AGENT\"]}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(invalid.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), invalid.body());
        assertTrue(ApiClient.object(invalid).getJsonArray("fields").toString().contains("username"), invalid.body());
        HttpResponse<String> twoLines = api.send("PATCH", "/api/v1/tickets/" + ticketId, "{\"subject\":\"a\\r\\nb\"}");
        assertEquals(400, twoLines.statusCode(), twoLines.body());
        assertTrue(ApiClient.object(twoLines).getJsonArray("fields").toString().contains("subject"), twoLines.body());

        // The workspace views' queries (open/closed, unassigned, search) and pages, signed in through the form.
        HttpResponse<String> unassigned = api.get("/api/v1/tickets?closed=false&unassigned=true&q=smoke%20test&channel=" + channel.getJsonNumber("id"));
        assertEquals(200, unassigned.statusCode(), unassigned.body());
        assertEquals(1, ApiClient.object(unassigned).getJsonArray("items").size(), unassigned.body());
        HttpSession browser = signIn(base, "admin", adminPassword);
        for (String page : new String[]{"/?view=unassigned", "/?view=mine", "/?view=closed", "/?view=channel&channel=" + channel.getJsonNumber("id"),
                "/ticket.xhtml?id=" + ticketId, "/settings/channels.xhtml", "/settings/channel.xhtml?id=" + channel.getJsonNumber("id"),
                "/settings/connect-email.xhtml", "/settings/connect-custom.xhtml", "/settings/users.xhtml", "/settings/api-tokens.xhtml", "/operations/imports.xhtml"}) {
            HttpResponse<String> shown = browser.get(page);
            assertEquals(200, shown.statusCode(), page);
            assertFalse(shown.body().contains("Something went wrong"), page + " renders");
        }
        assertTrue(browser.get("/?view=unassigned").body().contains("Smoke test"), "the new ticket is in the Unassigned view");

        // A chat bot answers in the intake transaction (native SQL with row locks, JSON-B records): the same on every server.
        JsonObject chat = api.create("/api/v1/channels", "{\"type\":\"CHAT\",\"name\":\"Smoke chat " + System.nanoTime() + "\"}");
        long chatId = chat.getJsonNumber("id").longValue();
        HttpResponse<String> bot = api.send("PUT", "/api/v1/channels/" + chatId + "/chat/bot", "{\"steps\":["
                + "{\"id\":\"ask\",\"kind\":\"ASK\",\"text\":{\"en\":\"Sales or support?\"},\"choices\":[{\"label\":{\"en\":\"Sales\"}},{\"label\":{\"en\":\"Support\"}}]},"
                + "{\"id\":\"human\",\"kind\":\"HANDOFF\",\"text\":{\"en\":\"A person will answer.\"}}]}");
        assertEquals(200, bot.statusCode(), bot.body());
        String widget = "/api/v1/inbound/chat/" + chat.getString("key") + "/";
        String visitorToken = ApiClient.object(http.postJson(widget + "session", "{}")).getString("token");
        HttpResponse<String> said = http.postJson(widget + "messages", "{\"token\":\"" + visitorToken + "\",\"clientId\":\"s1\",\"text\":\"Hi\"}");
        assertEquals(200, said.statusCode(), said.body());
        String lines = http.postJson(widget + "poll", "{\"token\":\"" + visitorToken + "\",\"after\":0}").body();
        assertTrue(lines.contains("Sales or support?") && lines.contains("\"buttons\":[\"Sales\",\"Support\"]"), lines);
        http.postJson(widget + "messages", "{\"token\":\"" + visitorToken + "\",\"clientId\":\"s2\",\"text\":\"Support\"}");
        assertTrue(http.postJson(widget + "poll", "{\"token\":\"" + visitorToken + "\",\"after\":2}").body().contains("A person will answer."));
        // Meta's signed WhatsApp webhook: raw bytes through the server's JAX-RS, a ticket from it
        JsonObject whatsApp = api.create("/api/v1/channels", "{\"type\":\"WHATSAPP\",\"name\":\"Smoke WhatsApp " + System.nanoTime() + "\"}");
        String numberId = String.valueOf(300000000000L + System.nanoTime() % 999_999_999);
        assertEquals(200, api.send("PUT", "/api/v1/channels/" + whatsApp.getJsonNumber("id") + "/whatsapp", "{\"businessAccountId\":\"1\","
                + "\"phoneNumberId\":\"" + numberId + "\",\"accessToken\":\"token\",\"appSecret\":\"smoke-secret\"}").statusCode());
        byte[] webhook = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"phone_number_id\":\"" + numberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"S\u00e4de\"},\"wa_id\":\"358401230000\"}],"
                + "\"messages\":[{\"from\":\"358401230000\",\"id\":\"wamid.smoke" + System.nanoTime() + "\",\"timestamp\":\"" + (System.currentTimeMillis() / 1000)
                + "\",\"type\":\"text\",\"text\":{\"body\":\"Smoke via WhatsApp\"}}]},\"field\":\"messages\"}]}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> signed = http.post("/api/v1/inbound/whatsapp", "application/json", webhook,
                org.switchboard.channels.meta.MetaSignature.HEADER, org.switchboard.channels.meta.MetaSignature.header("smoke-secret", webhook));
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals(401, http.post("/api/v1/inbound/whatsapp", "application/json", webhook).statusCode(), "unsigned");
        String whatsAppTickets = "";
        for (int i = 0; i < 100 && !whatsAppTickets.contains("Smoke via WhatsApp"); i++) { // answered once journaled; the ticket follows
            pause(100);
            whatsAppTickets = api.get("/api/v1/tickets?channel=" + whatsApp.getJsonNumber("id")).body();
        }
        assertTrue(whatsAppTickets.contains("Smoke via WhatsApp"), whatsAppTickets);

        // Messenger: a page no channel has is refused before anything is stored; the connect page renders
        assertEquals(401, http.post("/api/v1/inbound/messenger", "application/json", "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"messaging\":[]}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
        assertEquals(200, browser.get("/settings/connect-messenger.xhtml").statusCode());

        // Two contacts that are one person, merged (SQL moves, then JPA): the merge resource shares the contacts' path on every server
        String person = "Smoke Person " + System.nanoTime();
        String key = channel.getString("key");
        long first = ApiClient.object(api.post("/api/v1/channels/" + key + "/messages", "{\"externalId\":\"smoke-m1-" + System.nanoTime()
                + "\",\"from\":{\"email\":\"smoke-" + System.nanoTime() + "@example.com\",\"name\":\"" + person + "\"},\"text\":\"One\"}")).getJsonNumber("ticketId").longValue();
        long second = ApiClient.object(api.post("/api/v1/channels/" + key + "/messages", "{\"externalId\":\"smoke-m2-" + System.nanoTime()
                + "\",\"from\":{\"externalUserId\":\"smoke-" + System.nanoTime() + "\",\"name\":\"" + person + "\"},\"text\":\"Two\"}")).getJsonNumber("ticketId").longValue();
        java.util.Map<Long, Long> contactOf = new java.util.HashMap<>();
        ApiClient.object(api.get("/api/v1/tickets?channel=" + channel.getJsonNumber("id"))).getJsonArray("items").getValuesAs(JsonObject.class)
                .forEach(t -> contactOf.put(t.getJsonNumber("id").longValue(), t.getJsonNumber("contactId").longValue()));
        long keep = contactOf.get(first);
        HttpResponse<String> lookalikes = api.get("/api/v1/contacts/" + keep + "/lookalikes");
        assertEquals(200, lookalikes.statusCode(), lookalikes.body());
        assertTrue(lookalikes.body().contains("\"id\":" + contactOf.get(second)), lookalikes.body());
        assertEquals(200, api.get("/api/v1/contacts/" + keep).statusCode(), "the contact itself still answers beside the merge resource");
        HttpResponse<String> merged = api.post("/api/v1/contacts/" + keep + "/merge", "{\"from\":" + contactOf.get(second) + "}");
        assertEquals(200, merged.statusCode(), merged.body());
        assertEquals(1, ApiClient.object(merged).getInt("ticketsMoved"));
        assertTrue(api.get("/api/v1/tickets/" + second).body().contains("was merged into"), "the timeline says so");

        // A phone system's call events (a servlet outside JAX-RS, calls over both JPA providers): answered, the agent's ticket, on the ticket page
        String extension = String.valueOf(4_000_000 + System.nanoTime() % 999_999);
        long phoneAgent = api.create("/api/v1/users", "{\"username\":\"smoke-phone-" + System.nanoTime() + "\",\"fullName\":\"Smoke Phone\","
                + "\"roles\":[\"AGENT\"],\"paidSeat\":true,\"callingAddress\":\"" + extension + "\"}").getJsonNumber("id").longValue();
        JsonObject phone = api.create("/api/v1/channels", "{\"type\":\"CTI\",\"name\":\"Smoke Phone " + System.nanoTime() + "\"}");
        HttpResponse<String> phoneSettings = api.send("PUT", "/api/v1/channels/" + phone.getJsonNumber("id") + "/cti", "{\"country\":\"FI\"}");
        assertEquals(200, phoneSettings.statusCode(), phoneSettings.body());
        String hook = ApiClient.object(phoneSettings).getString("webhookUrl");
        String callPath = "/webhooks/calls/" + hook.substring(hook.lastIndexOf('/') + 1);
        String caller = "040" + (1_000_000 + System.nanoTime() % 8_999_999);
        String callId = "smoke-" + System.nanoTime();
        for (String event : java.util.List.of("newCall", "answer", "hangup")) {
            HttpResponse<String> callPosted = http.post(callPath, "application/json", ("{\"event\":\"" + event + "\",\"callId\":\"" + callId
                    + "\",\"direction\":\"in\",\"from\":\"" + caller + "\",\"to\":\"0912345678\",\"answeringNumber\":\"" + extension + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, callPosted.statusCode(), callPosted.body());
        }
        assertEquals(401, http.post("/webhooks/calls/not-a-token", "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
        JsonObject callTicket = ApiClient.object(api.get("/api/v1/tickets?channel=" + phone.getJsonNumber("id"))).getJsonArray("items").getJsonObject(0);
        String callDetail = api.get("/api/v1/tickets/" + callTicket.getJsonNumber("id")).body();
        assertTrue(callDetail.contains("\"state\":\"ANSWERED\"") && callDetail.contains("\"customerNumber\":\"+35840"), callDetail);
        assertEquals(phoneAgent, callTicket.getJsonNumber("ownerId").longValue(), "the answering agent has the ticket");
        HttpResponse<String> callPage = browser.get("/ticket.xhtml?id=" + callTicket.getJsonNumber("id"));
        assertTrue(callPage.body().contains("call-card call-ANSWERED"), "the ticket page shows the call");

        HttpResponse<String> chatPage = browser.get("/settings/channel.xhtml?id=" + chatId);
        assertEquals(200, chatPage.statusCode());
        assertTrue(chatPage.body().contains("chatBotCard") && chatPage.body().contains("Sales or support?"), "the bot editor shows the saved steps");
    }

    /** Signs in through the sign-in form, as a browser does; the session cookie stays in the returned client. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static HttpSession signIn(URI base, String username, String password) {
        HttpSession session = new HttpSession(base);
        String form = session.get("/login.xhtml").body();
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertTrue(state.find(), "a sign-in form");
        String body = "login=login&login%3Ausername=" + encode(username) + "&login%3Apassword=" + encode(password)
                + "&login%3Asubmit=Sign+in&jakarta.faces.ViewState=" + encode(state.group(1));
        session.post("/login.xhtml", "application/x-www-form-urlencoded", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(session.get("/").body().contains("viewTitle"), "signed in");
        return session;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
