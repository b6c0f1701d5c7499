package org.switchboard.channels.twilio.control;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.platform.json.Jsonp;

/**
 * Twilio's REST API at {@code SWITCHBOARD_TWILIO_API_URL} (by default {@code https://api.twilio.com}; tests
 * point it at a local fake), HTTP Basic with the account SID and auth token: place a call, fetch a
 * recording. A recording is fetched only from under this URL — a webhook names the recording's URL,
 * and Switchboard never fetches an address a request could choose.
 */
@ApplicationScoped
public class TwilioApi {

    public static final String DEFAULT_URL = "https://api.twilio.com";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    @ConfigProperty(name = "switchboard.twilio.api-url", defaultValue = DEFAULT_URL)
    String baseUrl;

    /** Twilio refused or failed: its status and message (Twilio's error JSON: code, message, more_info). */
    public static class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** {@code POST /2010-04-01/Accounts/{sid}/Calls.json}: Twilio rings {@code to}; the answer's {@code sid} is the call's. */
    public JsonObject placeCall(String accountSid, String authToken, Map<String, String> parameters) throws IOException {
        URI url = URI.create(base() + "/2010-04-01/Accounts/" + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Calls.json");
        String form = new LinkedHashMap<>(parameters).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).header("Authorization", basic(accountSid, authToken))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject body;
        try {
            body = response.body() == null || response.body().isBlank() ? Jsonp.objectBuilder().build() : Jsonp.object(response.body());
        } catch (RuntimeException notJson) {
            body = Jsonp.objectBuilder().build();
        }
        if (response.statusCode() / 100 != 2 || !body.containsKey("sid")) {
            throw new Refused(response.statusCode(), body.getString("message", "HTTP " + response.statusCode()));
        }
        return body;
    }

    /** The recording as MP3; only from this API's host. */
    public RecordingBytes recording(String accountSid, String authToken, String recordingUrl) throws IOException {
        if (recordingUrl == null || !(recordingUrl + "/").startsWith(base() + "/")) {
            throw new IllegalArgumentException("The recording URL is not Twilio's (" + base() + "): not fetched");
        }
        URI url = URI.create(recordingUrl.endsWith(".mp3") || recordingUrl.endsWith(".wav") ? recordingUrl : recordingUrl + ".mp3");
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).header("Authorization", basic(accountSid, authToken)).GET().build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new Refused(response.statusCode(), "Twilio answered HTTP " + response.statusCode() + " for the recording");
        }
        return new RecordingBytes(response.headers().firstValue("Content-Type").orElse("audio/mpeg"), response.body());
    }

    public record RecordingBytes(String contentType, byte[] content) {
    }

    private String base() {
        return baseUrl.replaceAll("/+$", "");
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return HTTP.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
