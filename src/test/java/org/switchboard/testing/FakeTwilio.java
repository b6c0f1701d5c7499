package org.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.switchboard.calls.control.FormBody;
import org.switchboard.channels.twilio.control.TwilioSignature;

/**
 * Twilio's REST API on loopback, as its documentation describes it, for tests that cannot reach Twilio
 * ({@code SWITCHBOARD_TWILIO_API_URL} points here, pom.xml): HTTP Basic with the account SID and auth
 * token (else 401 with Twilio's error JSON, code 20003).
 * <ul>
 * <li>{@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json} (To, From, Url, StatusCallback,
 * StatusCallbackEvent) answers 201 with the call resource ({@code sid} CA…, {@code status} queued) and
 * keeps the request ({@link #placed()}); a missing To/From/Url answers 400 with code 21201/21212/21205.</li>
 * <li>{@code GET /2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}.mp3} answers the recording
 * as {@code audio/mpeg}: one second of silent MPEG-1 Layer III frames, which browsers play.</li>
 * </ul>
 * It also signs requests the way Twilio does, for tests posting Twilio's callbacks ({@link #sign}).
 */
public final class FakeTwilio implements AutoCloseable {

    public static final int PORT = Integer.getInteger("twilio.fake.port", 18456);
    public static final String BASE = "http://127.0.0.1:" + PORT;
    private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-fA-F]{32})/Calls\\.json");
    private static final Pattern RECORDING = Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-fA-F]{32})/Recordings/(RE[0-9a-fA-F]{32})\\.mp3");

    private final String accountSid;
    private final String authToken;
    private final HttpServer server;
    private final List<Map<String, List<String>>> placed = new CopyOnWriteArrayList<>();

    public FakeTwilio(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        server.createContext("/2010-04-01/", this::handle);
        server.start();
    }

    /** The calls Switchboard asked Twilio to place, as their form parameters. */
    public List<Map<String, List<String>>> placed() {
        return placed;
    }

    /** Where Twilio keeps a recording of this account (what a recording callback's RecordingUrl says). */
    public String recordingUrl(String recordingSid) {
        return BASE + "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid;
    }

    /** {@code X-Twilio-Signature} for a request to {@code url} with these form parameters, as Twilio computes it. */
    public static String sign(String authToken, String url, String form) {
        return TwilioSignature.of(authToken, url, FormBody.parse(form));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                json(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher calls = CALLS.matcher(path);
            Matcher recording = RECORDING.matcher(path);
            if (calls.matches() && "POST".equals(exchange.getRequestMethod()) && calls.group(1).equals(accountSid)) {
                Map<String, List<String>> form = FormBody.parse(read(exchange.getRequestBody()));
                for (String[] required : new String[][] {{"To", "21201"}, {"From", "21212"}, {"Url", "21205"}}) {
                    if (!form.containsKey(required[0])) {
                        json(exchange, 400, "{\"code\":" + required[1] + ",\"message\":\"No '" + required[0] + "' number is specified\",\"status\":400}");
                        return;
                    }
                }
                placed.add(form);
                String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
                json(exchange, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + accountSid + "\",\"to\":\"" + form.get("To").get(0)
                        + "\",\"from\":\"" + form.get("From").get(0) + "\",\"status\":\"queued\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\"}");
            } else if (recording.matches() && "GET".equals(exchange.getRequestMethod()) && recording.group(1).equals(accountSid)) {
                byte[] mp3 = silentMp3();
                exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
                exchange.sendResponseHeaders(200, mp3.length);
                exchange.getResponseBody().write(mp3);
            } else {
                json(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource " + path + " was not found\",\"status\":404}");
            }
        }
    }

    /** About a second of silence: MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) with empty side information. */
    static byte[] silentMp3() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int frame = 0; frame < 40; frame++) {
            byte[] bytes = new byte[417];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFB;
            bytes[2] = (byte) 0x90;
            bytes[3] = (byte) 0x64;
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
