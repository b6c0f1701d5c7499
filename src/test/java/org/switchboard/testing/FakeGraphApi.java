package org.switchboard.testing;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Meta's Graph API as the WhatsApp Cloud API documents it, on loopback, for tests that cannot reach
 * Meta: {@code POST /v21.0/{phone-number-id}/messages} with a bearer token answers
 * {@code {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid…"}]}};
 * a token it does not know answers 401 with Meta's OAuthException 190; a body that is not a valid
 * send answers 400 with code 100. The server the tests start is pointed here by
 * {@code SWITCHBOARD_META_GRAPH_URL} (pom.xml), so the fake listens on a fixed loopback port.
 */
public final class FakeGraphApi implements AutoCloseable {

    public static final int PORT = Integer.getInteger("meta.fake.port", 18455);

    /** One send as it arrived: the phone number id of the path, and the JSON body. */
    public record Sent(String phoneNumberId, JsonObject body, String wamid) {
    }

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile String acceptedToken;

    public FakeGraphApi(String acceptedToken) throws IOException {
        this.acceptedToken = acceptedToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        server.createContext("/v21.0/", this::handle);
        server.start();
    }

    /** From now on only this token is accepted (null: none — as after the token was revoked). */
    public void acceptOnly(String token) {
        this.acceptedToken = token;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (acceptedToken == null || !("Bearer " + acceptedToken).equals(authorization)) {
                answer(exchange, 401, "{\"error\":{\"message\":\"Error validating access token: The session has been invalidated because the user"
                        + " changed their password or Facebook has changed the session for security reasons.\",\"type\":\"OAuthException\","
                        + "\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"AbCdEfGh\"}}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || path.length != 4 || !path[3].equals("messages")) {
                answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported request\",\"type\":\"GraphMethodException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
                return;
            }
            JsonObject body = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
            if (!"whatsapp".equals(body.getString("messaging_product", "")) || !body.getString("to", "").matches("\\d{6,20}")) {
                answer(exchange, 400, "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
                return;
            }
            String wamid = "wamid." + UUID.randomUUID().toString().replace("-", "");
            sent.add(new Sent(path[2], body, wamid));
            answer(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + body.getString("to") + "\",\"wa_id\":\""
                    + body.getString("to") + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
        }
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
