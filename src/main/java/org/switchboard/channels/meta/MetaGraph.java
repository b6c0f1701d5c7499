package org.switchboard.channels.meta;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.platform.json.Jsonp;

/**
 * Meta's Graph API: its base URL is a setting ({@code SWITCHBOARD_META_GRAPH_URL}, by default
 * Meta's versioned URL) so tests and local runs talk to a local fake that answers as Meta
 * documents. Answers are read into {@link Answer}: the JSON, or Meta's error object
 * ({@code {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}}). Facebook
 * Login's dialog is on another host ({@code SWITCHBOARD_META_LOGIN_URL}, by default
 * {@code https://www.facebook.com/v21.0}).
 */
@ApplicationScoped
public class MetaGraph {

    public static final String DEFAULT_URL = "https://graph.facebook.com/v21.0";
    public static final String DEFAULT_LOGIN_URL = "https://www.facebook.com/v21.0";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Inject
    @ConfigProperty(name = "switchboard.meta.graph-url", defaultValue = DEFAULT_URL)
    String baseUrl;

    /** Meta's error, as its answers carry it; {@code subcode} 0 when none. */
    public record GraphError(int code, int subcode, String type, String message) {
        /** A token that was revoked, expired or never valid (OAuthException 190). */
        public boolean tokenInvalid() {
            return code == 190;
        }

        /** Rate limits: application, page, WhatsApp business number or pair rate (4, 17, 32, 613, 80007, 130429, 131056). */
        public boolean rateLimited() {
            return code == 4 || code == 17 || code == 32 || code == 613 || code == 80007 || code == 130429 || code == 131056;
        }
    }

    /** An answer: the HTTP status, the JSON body (empty object when none), and Meta's error when it sent one. */
    public record Answer(int status, JsonObject body, Optional<GraphError> error, String retryAfter) {
        public boolean ok() {
            return status / 100 == 2 && error.isEmpty();
        }
    }

    @Inject
    @ConfigProperty(name = "switchboard.meta.login-url", defaultValue = DEFAULT_LOGIN_URL)
    String loginUrl;

    /**
     * Facebook Login's dialog for an app: the admin signs in, grants the scopes, and Facebook sends
     * the browser back to {@code redirectUri} with {@code code} and {@code state} (or {@code error}).
     */
    public URI loginDialog(String appId, String redirectUri, String state, String scopes) {
        return URI.create(loginUrl.replaceAll("/+$", "") + "/dialog/oauth?client_id=" + encode(appId) + "&redirect_uri=" + encode(redirectUri)
                + "&state=" + encode(state) + "&response_type=code&scope=" + encode(scopes));
    }

    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The full URL of a Graph path such as {@code 12345/messages}. */
    public URI url(String path) {
        return URI.create(baseUrl.replaceAll("/+$", "") + "/" + path.replaceAll("^/+", ""));
    }

    /** POSTs JSON with the access token as a bearer token. */
    public Answer post(String path, String accessToken, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return read(HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** DELETEs with a JSON body (the Messenger Profile API removes fields this way). */
    public Answer delete(String path, String accessToken, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return read(HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** GETs a Graph path with the access token as a bearer token. */
    public Answer get(String path, String accessToken) throws IOException, InterruptedException {
        return get(path, accessToken, TIMEOUT);
    }

    /** GETs with a shorter wait, where a caller holds a transaction (a profile look-up while a message is taken in). */
    public Answer get(String path, String accessToken, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(timeout).header("Authorization", "Bearer " + accessToken).GET().build();
        return read(HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** GETs a Graph path that carries its own credentials in the query (Facebook Login's code exchange). */
    public Answer get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url(pathAndQuery)).timeout(TIMEOUT).GET().build();
        return read(HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** A file Meta serves (WhatsApp media): its bytes and type, or the HTTP status when it is not 200. */
    public record Download(int status, String contentType, byte[] content) {
    }

    /**
     * GETs a media file with the access token, only from Meta's media host ({@code *.fbsbx.com}) or the Graph
     * API's own host (a local fake), never elsewhere: the URL comes from Meta's answer, the token must not go
     * anywhere else. Longer than {@code maxBytes} → refused before all of it is read.
     */
    public Download download(String url, String accessToken, long maxBytes) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        String host = hostOf(uri);
        boolean meta = "https".equals(uri.getScheme()) && (host.equals("lookaside.fbsbx.com") || host.endsWith(".fbsbx.com"));
        if (!meta && !host.equals(URI.create(baseUrl).getHost())) {
            throw new IllegalArgumentException("not Meta's media host: " + host);
        }
        return fetch(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + accessToken).GET().build(), maxBytes);
    }

    /**
     * GETs a file a Messenger link names, without any credentials (the link is signed), only from
     * Facebook's content hosts ({@code *.fbcdn.net}, {@code *.fbsbx.com}) or the Graph API's own host.
     */
    public Download downloadLink(String url, long maxBytes) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        String host = hostOf(uri);
        boolean facebook = "https".equals(uri.getScheme()) && (host.endsWith(".fbcdn.net") || host.endsWith(".fbsbx.com"));
        if (!facebook && !host.equals(URI.create(baseUrl).getHost())) {
            throw new IllegalArgumentException("not a Facebook content host: " + host);
        }
        return fetch(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(), maxBytes);
    }

    private static String hostOf(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
    }

    private static Download fetch(HttpRequest request, long maxBytes) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Download(response.statusCode(), null, null);
            }
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new IllegalArgumentException("larger than " + maxBytes / (1024 * 1024) + " MiB");
            }
            return new Download(200, response.headers().firstValue("Content-Type").orElse(null), content);
        }
    }

    static Answer read(HttpResponse<String> response) {
        JsonObject body;
        try {
            JsonValue value = response.body() == null || response.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                    : Jsonp.value(response.body());
            body = value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonParsingException notJson) {
            body = JsonValue.EMPTY_JSON_OBJECT;
        }
        Optional<GraphError> error = Optional.empty();
        if (body.containsKey("error") && body.get("error") instanceof JsonObject e) {
            error = Optional.of(new GraphError(e.getInt("code", 0), e.getInt("error_subcode", 0), e.getString("type", ""),
                    e.getString("message", "")));
        }
        return new Answer(response.statusCode(), body, error, response.headers().firstValue("Retry-After").orElse(null));
    }
}
