package org.switchboard.testing;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Meta on loopback, as its documentation describes the requests and answers, for tests that cannot
 * reach Meta. The server the tests start is pointed here by {@code SWITCHBOARD_META_GRAPH_URL} and
 * {@code SWITCHBOARD_META_LOGIN_URL} (pom.xml), so the fake listens on a fixed loopback port.
 * <ul>
 * <li>WhatsApp Cloud API: {@code POST /v21.0/{phone-number-id}/messages} with a bearer token answers
 * {@code {"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid…"}]}}.</li>
 * <li>Facebook Login: {@code GET /v21.0/dialog/oauth} is the dialog (a page with "Continue as …" and
 * "Cancel" that send the browser to {@code redirect_uri} with {@code code} and {@code state}, or
 * {@code error=access_denied}); {@code GET /v21.0/oauth/access_token} exchanges the code (client id,
 * secret and redirect URI must match) and then a short-lived token for a long-lived one.</li>
 * <li>Pages: {@code GET /v21.0/me/accounts} (the user's pages with tasks and page tokens),
 * {@code POST /v21.0/{page-id}/subscribed_apps}, {@code POST|DELETE /v21.0/me/messenger_profile},
 * {@code GET /v21.0/{psid}} (a person's profile), and the Send API {@code POST /v21.0/me/messages},
 * which enforces Meta's windows from the person's last message the test reports
 * ({@link #personWrote}): error 10 / 2018278 outside them.</li>
 * </ul>
 * A token it does not know answers 401 with Meta's OAuthException 190; a malformed request answers
 * 400 with code 100.
 */
public final class FakeGraphApi implements AutoCloseable {

    public static final int PORT = Integer.getInteger("meta.fake.port", 18455);

    /** One send as it arrived: the phone number id (WhatsApp) or "me" (Messenger), the JSON body, and the id answered. */
    public record Sent(String phoneNumberId, JsonObject body, String wamid) {
    }

    /** A WhatsApp message template of the business account: its body with {{n}} places, and its review status. */
    public record FakeTemplate(String name, String language, String category, String status, String body) {
        int values() {
            int count = 0;
            while (body.contains("{{" + (count + 1) + "}}")) {
                count++;
            }
            return count;
        }
    }

    /** A Facebook page the signed-in user has a role on. */
    public record FakePage(String id, String name, String category, List<String> tasks, String token) {
    }

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<String> subscribedPages = ConcurrentHashMap.newKeySet();
    private final Map<String, String> greetings = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFromPerson = new ConcurrentHashMap<>();
    private final Map<String, String[]> profiles = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>(); // code → redirect URI
    private volatile String acceptedToken;
    private volatile String appId = "1234567890123";
    private volatile String appSecret = "fb-app-secret";
    private volatile String userName = "Aino Admin";
    private volatile List<FakePage> pages = List.of();
    private volatile List<FakeTemplate> templates = List.of();
    private final Set<String> revokedPageTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Object[]> media = new ConcurrentHashMap<>(); // media id → {mime type, bytes}
    private final Map<String, Integer> downloads = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<Sent> beforeAnswer = sent -> { };

    public FakeGraphApi(String acceptedToken) throws IOException {
        this.acceptedToken = acceptedToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        server.createContext("/v21.0/", this::handle);
        server.createContext("/cdn/", this::cdn);
        server.start();
    }

    /**
     * Runs for each WhatsApp send after Meta took it and before it answers: Meta may deliver the
     * message's status webhooks before the sender has even read the answer with the message's id.
     */
    public void beforeAnswering(java.util.function.Consumer<Sent> hook) {
        this.beforeAnswer = hook;
    }

    /** From now on only this token is accepted for WhatsApp (null: none — as after the token was revoked). */
    public void acceptOnly(String token) {
        this.acceptedToken = token;
    }

    /** The Meta app Facebook Login knows, and the user who signs in with their pages. */
    public void facebook(String app, String secret, String user, List<FakePage> userPages) {
        this.appId = app;
        this.appSecret = secret;
        this.userName = user;
        this.pages = List.copyOf(userPages);
    }

    /** The WhatsApp Business account's templates, as WhatsApp Manager lists them. */
    public void templates(List<FakeTemplate> accountTemplates) {
        this.templates = List.copyOf(accountTemplates);
    }

    public void revokePageToken(String token) {
        revokedPageTokens.add(token);
    }

    public void restorePageToken(String token) {
        revokedPageTokens.remove(token);
    }

    /** A person's profile as the page sees it, with a profile picture (a 64-pixel PNG) behind an expiring content-host link. */
    public void profile(String psid, String firstName, String lastName) {
        profiles.put(psid, new String[] {firstName, lastName, cdnFile("profile.png", "image/png", picture(psid.hashCode()))});
    }

    private static byte[] picture(int seed) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x3b5998 ^ (seed & 0x3f3f3f)));
        g.fillRect(0, 0, 64, 64);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(20, 10, 24, 24);
        g.fillOval(10, 38, 44, 36);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** When the person last wrote to the page: the Send API's windows run from it. */
    public void personWrote(String psid, Instant at) {
        lastFromPerson.put(psid, at);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public boolean subscribed(String pageId) {
        return subscribedPages.contains(pageId);
    }

    public String greeting(String pageToken) {
        return greetings.get(pageToken);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/v21.0/".length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            if (path.equals("dialog/oauth")) {
                dialog(exchange, query);
                return;
            }
            if (path.equals("oauth/access_token")) {
                accessToken(exchange, query);
                return;
            }
            String bearer = bearer(exchange);
            if ("GET".equals(method) && bearer != null && bearer.equals(acceptedToken) && (path.matches("\\d+") || path.equals("whatsapp_business/attachments/"))) {
                whatsAppMedia(exchange, path, query);
                return;
            }
            if (path.equals("me/accounts")) {
                if (bearer == null || !bearer.startsWith("EAAlong-")) {
                    invalidToken(exchange);
                    return;
                }
                JsonArrayBuilder data = Json.createArrayBuilder();
                for (FakePage page : pages) {
                    JsonArrayBuilder tasks = Json.createArrayBuilder();
                    page.tasks().forEach(tasks::add);
                    data.add(Json.createObjectBuilder().add("access_token", page.token()).add("category", page.category()).add("name", page.name())
                            .add("id", page.id()).add("tasks", tasks));
                }
                answer(exchange, 200, Json.createObjectBuilder().add("data", data).add("paging", Json.createObjectBuilder()
                        .add("cursors", Json.createObjectBuilder().add("before", "QVFIUk").add("after", "QVFIUl"))).build().toString());
                return;
            }
            FakePage page = pages.stream().filter(p -> p.token().equals(bearer) && !revokedPageTokens.contains(bearer)).findFirst().orElse(null);
            if (path.endsWith("/subscribed_apps") && "POST".equals(method)) {
                if (page == null || !path.equals(page.id() + "/subscribed_apps") || !query.getOrDefault("subscribed_fields", "").contains("messages")) {
                    invalidToken(exchange);
                    return;
                }
                subscribedPages.add(page.id());
                answer(exchange, 200, "{\"success\":true}");
                return;
            }
            if (path.equals("me/messenger_profile")) {
                if (page == null) {
                    invalidToken(exchange);
                    return;
                }
                JsonObject body = body(exchange);
                if ("DELETE".equals(method)) {
                    greetings.remove(page.token());
                } else if (body.containsKey("greeting")) {
                    greetings.put(page.token(), body.getJsonArray("greeting").getJsonObject(0).getString("text"));
                }
                answer(exchange, 200, "{\"result\":\"success\"}");
                return;
            }
            if (path.equals("me/messages") && page != null) {
                messengerSend(exchange);
                return;
            }
            if (page != null && path.matches("\\d+") && "GET".equals(method)) {
                String[] name = profiles.get(path);
                if (name == null) {
                    answer(exchange, 400, "{\"error\":{\"message\":\"(#100) No profile available for that user.\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
                    return;
                }
                answer(exchange, 200, Json.createObjectBuilder().add("first_name", name[0]).add("last_name", name[1])
                        .add("profile_pic", name[2]).add("id", path).build().toString());
                return;
            }
            if (page == null && (path.equals("me/messages") || path.matches("\\d+"))) {
                invalidToken(exchange);
                return;
            }
            whatsAppSend(exchange, path.split("/"), bearer);
        }
    }

    private void dialog(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirect = query.getOrDefault("redirect_uri", "");
        String state = query.getOrDefault("state", "");
        if (!appId.equals(query.get("client_id")) || redirect.isEmpty()) {
            html(exchange, 400, "<h1>Invalid App ID</h1><p>The provided app ID does not look like a valid app ID.</p>");
            return;
        }
        String code = "AQD" + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, redirect);
        String go = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state=" + enc(state) + "#_=_";
        String cancel = redirect + (redirect.contains("?") ? "&" : "?") + "error=access_denied&error_code=200&error_description=Permissions+error"
                + "&error_reason=user_denied&state=" + enc(state) + "#_=_";
        html(exchange, 200, "<!DOCTYPE html><html><head><title>Log in with Facebook</title></head><body style=\"font-family:sans-serif\">"
                + "<h1>Facebook</h1><p>Switchboard is requesting access to: " + esc(query.getOrDefault("scope", "")) + "</p>"
                + "<a id=\"continueAs\" href=\"" + esc(go) + "\">Continue as " + esc(userName) + "</a> "
                + "<a id=\"cancel\" href=\"" + esc(cancel) + "\">Cancel</a></body></html>");
    }

    private void accessToken(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!appId.equals(query.get("client_id")) || !appSecret.equals(query.get("client_secret"))) {
            answer(exchange, 400, "{\"error\":{\"message\":\"Error validating client secret.\",\"type\":\"OAuthException\",\"code\":1,\"fbtrace_id\":\"x\"}}");
            return;
        }
        if ("fb_exchange_token".equals(query.get("grant_type"))) {
            String shortLived = query.getOrDefault("fb_exchange_token", "");
            if (!shortLived.startsWith("EAAshort-")) {
                invalidToken(exchange);
                return;
            }
            answer(exchange, 200, "{\"access_token\":\"EAAlong-" + shortLived.substring(9) + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}");
            return;
        }
        String redirect = codes.remove(query.getOrDefault("code", ""));
        if (redirect == null || !redirect.equals(query.get("redirect_uri"))) {
            answer(exchange, 400, "{\"error\":{\"message\":\"Invalid verification code format.\",\"type\":\"OAuthException\",\"code\":100,"
                    + "\"error_subcode\":36007,\"fbtrace_id\":\"x\"}}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"EAAshort-" + UUID.randomUUID() + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}");
    }

    private void messengerSend(HttpExchange exchange) throws IOException {
        JsonObject body = body(exchange);
        String psid = body.getJsonObject("recipient") == null ? "" : body.getJsonObject("recipient").getString("id", "");
        String type = body.getString("messaging_type", "");
        if (psid.isEmpty() || body.getJsonObject("message") == null || !Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG").contains(type)
                || ("MESSAGE_TAG".equals(type) && !body.containsKey("tag"))) {
            answer(exchange, 400, "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
            return;
        }
        Instant last = lastFromPerson.get(psid);
        Duration allowed = "MESSAGE_TAG".equals(type) && "HUMAN_AGENT".equals(body.getString("tag", "")) ? Duration.ofDays(7) : Duration.ofHours(24);
        if (last == null || last.plus(allowed).isBefore(Instant.now())) {
            answer(exchange, 400, "{\"error\":{\"message\":\"(#10) This message is sent outside of allowed window. Learn more about the new policy here:"
                    + " https://developers.facebook.com/docs/messenger-platform/policy-overview\",\"type\":\"OAuthException\",\"code\":10,"
                    + "\"error_subcode\":2018278,\"fbtrace_id\":\"x\"}}");
            return;
        }
        String mid = "m_" + UUID.randomUUID().toString().replace("-", "");
        sent.add(new Sent("me", body, mid));
        answer(exchange, 200, "{\"recipient_id\":\"" + psid + "\",\"message_id\":\"" + mid + "\"}");
    }

    /**
     * A file a Messenger visitor sent: Facebook names it in the webhook by a signed link on its content
     * host, fetched without credentials; this answers such a link (here on the fake's own host).
     */
    public String cdnFile(String filename, String mimeType, byte[] content) {
        String key = UUID.randomUUID().toString().replace("-", "");
        media.put("cdn:" + key, new Object[] {mimeType, content});
        return "http://127.0.0.1:" + PORT + "/cdn/v/t59.2708-21/" + key + "/" + filename + "?_nc_cat=1&oh=00_" + key + "&oe=67A1B2C3";
    }

    private void cdn(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            Object[] file = path.length >= 6 ? media.get("cdn:" + path[4]) : null;
            if (file == null || exchange.getRequestHeaders().containsKey("Authorization")) {
                answer(exchange, 403, "URL signature mismatch"); // as the CDN answers an expired or altered link; no token ever goes there
                return;
            }
            downloads.merge("cdn:" + path[4], 1, Integer::sum);
            byte[] content = (byte[]) file[1];
            exchange.getResponseHeaders().add("Content-Type", (String) file[0]);
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
        }
    }

    /** A file a WhatsApp customer sent: Meta keeps it under its media id until it is fetched. */
    public void media(String id, String mimeType, byte[] content) {
        media.put(id, new Object[] {mimeType, content});
    }

    /** How often a media file's bytes were downloaded. */
    public int downloads(String id) {
        return downloads.getOrDefault(id, 0);
    }

    /** {@code GET /{media-id}} answers where the file is; that URL, with the same token, answers the bytes (the Cloud API's media endpoints). */
    private void whatsAppMedia(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        String id = path.matches("\\d+") ? path : query.getOrDefault("mid", "");
        Object[] file = media.get(id);
        if (file == null) {
            answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported get request. Object with ID '" + id + "' does not exist, cannot be loaded due to"
                    + " missing permissions, or does not support this operation.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"x\"}}");
            return;
        }
        byte[] content = (byte[]) file[1];
        if (path.matches("\\d+")) {
            String hash = java.util.HexFormat.of().formatHex(sha256(content));
            answer(exchange, 200, Json.createObjectBuilder().add("messaging_product", "whatsapp")
                    .add("url", "http://127.0.0.1:" + PORT + "/v21.0/whatsapp_business/attachments/?mid=" + id + "&ext=1733300000&hash=ATu" + id)
                    .add("mime_type", (String) file[0]).add("sha256", hash).add("file_size", content.length).add("id", id).build().toString());
            return;
        }
        downloads.merge(id, 1, Integer::sum);
        exchange.getResponseHeaders().add("Content-Type", (String) file[0]);
        exchange.sendResponseHeaders(200, content.length);
        exchange.getResponseBody().write(content);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void whatsAppSend(HttpExchange exchange, String[] path, String bearer) throws IOException {
        if (acceptedToken == null || !acceptedToken.equals(bearer)) {
            invalidToken(exchange);
            return;
        }
        if ("GET".equals(exchange.getRequestMethod()) && path.length == 2 && path[1].equals("message_templates")) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (FakeTemplate template : templates) {
                data.add(Json.createObjectBuilder().add("name", template.name()).add("language", template.language()).add("status", template.status())
                        .add("category", template.category()).add("id", String.valueOf(Math.abs(template.name().hashCode())))
                        .add("components", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "BODY").add("text", template.body()))));
            }
            answer(exchange, 200, Json.createObjectBuilder().add("data", data).add("paging", Json.createObjectBuilder()
                    .add("cursors", Json.createObjectBuilder().add("before", "MAZDZD").add("after", "MjQZD"))).build().toString());
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || path.length != 2 || !path[1].equals("messages")) {
            answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported request\",\"type\":\"GraphMethodException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
            return;
        }
        JsonObject body = body(exchange);
        if (!"whatsapp".equals(body.getString("messaging_product", "")) || !body.getString("to", "").matches("\\d{6,20}")) {
            answer(exchange, 400, "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
            return;
        }
        if ("template".equals(body.getString("type", ""))) {
            JsonObject template = body.getJsonObject("template");
            String name = template.getString("name", "");
            String language = template.getJsonObject("language") == null ? "" : template.getJsonObject("language").getString("code", "");
            FakeTemplate known = templates.stream().filter(t -> t.name().equals(name) && t.language().equals(language) && t.status().equals("APPROVED"))
                    .findFirst().orElse(null);
            if (known == null) {
                answer(exchange, 404, "{\"error\":{\"message\":\"(#132001) Template name does not exist in the translation\",\"type\":\"OAuthException\","
                        + "\"code\":132001,\"fbtrace_id\":\"x\"}}");
                return;
            }
            int given = template.containsKey("components") ? template.getJsonArray("components").getJsonObject(0).getJsonArray("parameters").size() : 0;
            if (given != known.values()) {
                answer(exchange, 400, "{\"error\":{\"message\":\"(#132000) Number of parameters does not match the expected number of params\","
                        + "\"type\":\"OAuthException\",\"code\":132000,\"fbtrace_id\":\"x\"}}");
                return;
            }
        }
        String wamid = "wamid." + UUID.randomUUID().toString().replace("-", "");
        Sent taken = new Sent(path[0], body, wamid);
        sent.add(taken);
        beforeAnswer.accept(taken);
        answer(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + body.getString("to") + "\",\"wa_id\":\""
                + body.getString("to") + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
    }

    private static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static JsonObject body(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return text.isBlank() ? Json.createObjectBuilder().build() : Json.createReader(new StringReader(text)).readObject();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void invalidToken(HttpExchange exchange) throws IOException {
        answer(exchange, 401, "{\"error\":{\"message\":\"Error validating access token: The session has been invalidated because the user"
                + " changed their password or Facebook has changed the session for security reasons.\",\"type\":\"OAuthException\","
                + "\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"AbCdEfGh\"}}");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String esc(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static void html(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
