package org.switchboard.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.switchboard.bench.InboundApiBenchmark.Clients;
import org.switchboard.bench.InboundApiBenchmark.Result;
import org.switchboard.bench.InboundApiBenchmark.Task;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.TestDatabase;

/**
 * A phone system's call events into PostgreSQL (#18): Switchboard on Payara Micro with a fresh
 * database, a phone system (CTI) channel set up through its API, 16 concurrent senders posting the
 * generic CTI events as JSON — for each call {@code newCall}, {@code answer} by an agent,
 * {@code hangup} — from 1,000 callers (so most calls join a contact's open ticket), and the time until
 * each is acknowledged (token checked, event journaled raw, applied to its call). Goal: ≥ 500 events/s,
 * acknowledgement p99 < 100 ms. The events of one call are a third of the run apart (all calls ring,
 * then are answered, then hang up), so no two senders race on one call; the journal then must be
 * empty. Floor, in the same run: the journal row alone (one INSERT and commit per event, plain JDBC,
 * 16 threads). Both measured warm ({@link JitActivity}).
 *
 * <pre>
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.CallEventBenchmark [events] [clients]
 * </pre>
 */
public final class CallEventBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";
    private static final int CALLERS = 1000;
    private static final String OURS = "493023125741";

    public static void main(String[] args) throws Exception {
        int events = (args.length > 0 ? Integer.parseInt(args[0]) : 15_000) / 3 * 3;
        int clientCount = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Clients clients = new Clients(clientCount, Executors.newFixedThreadPool(clientCount));
        Path work = Files.createTempDirectory("switchboard-bench");
        try (TestDatabase database = TestDatabase.postgresql(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Result webhook;
            double processedPerSecond;
            AutoCloseable statistics;
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                statistics = database.analyzeLikeAutovacuum();
                ApiClient admin = new ApiClient(server.base(), ADMIN_PASSWORD);
                admin.create("/api/v1/users", "{\"username\":\"phone-agent\",\"fullName\":\"Phone Agent\",\"roles\":[\"AGENT\"],"
                        + "\"paidSeat\":true,\"availability\":\"AVAILABLE\",\"callingAddress\":\"201\"}");
                long channelId = admin.create("/api/v1/channels", "{\"type\":\"CTI\",\"name\":\"Benchmark\"}").getJsonNumber("id").longValue();
                var saved = admin.send("PUT", "/api/v1/channels/" + channelId + "/cti", "{\"country\":\"DE\"}");
                if (saved.statusCode() != 200) {
                    throw new IllegalStateException("The phone channel was not set up: HTTP " + saved.statusCode() + " " + saved.body());
                }
                String url = ApiClient.object(saved).getString("webhookUrl");
                URI endpoint = server.base().resolve("webhooks/calls/" + url.substring(url.lastIndexOf('/') + 1));
                ThreadLocal<KeepAliveClient> connections = ThreadLocal.withInitial(() -> new KeepAliveClient(endpoint));
                Function<String, Task> post = prefix -> i -> {
                    byte[] raw = event(prefix, i, events).getBytes(StandardCharsets.UTF_8);
                    int status = connections.get().postJson("X-Phone-System", "benchmark", raw);
                    if (status != 200) {
                        throw new IllegalStateException("HTTP " + status);
                    }
                };
                InboundApiBenchmark.warmUp("Call events", events, clients, new JitActivity(server.pid(), ProcessHandle.current().pid()),
                        round -> post.apply("warm" + round + "-"));
                MetaWebhookBenchmark.awaitProcessed(env, Duration.ofMinutes(5));
                long start = System.nanoTime();
                webhook = InboundApiBenchmark.run("Call events", events, clients, post.apply("run-"));
                MetaWebhookBenchmark.awaitProcessed(env, Duration.ofMinutes(10));
                processedPerSecond = events / ((System.nanoTime() - start) / 1e9);
            }
            Result floor = journalFloor(env, events, clients);
            System.out.println("Machine: " + Percentiles.machine() + "; PostgreSQL on the same machine");
            System.out.println(webhook.line("CTI call events acknowledged (Payara Micro: token + journal + applied to the call)"));
            System.out.printf("Processed into calls (from the first post until the journal is empty): %.0f events/s%n", processedPerSecond);
            System.out.println(floor.line("Floor (plain JDBC: the journal row alone, 1 tx/event)"));
            System.out.printf("Ratio events / floor: %.2f%n", webhook.perSecond() / floor.perSecond());
            statistics.close();
        }
        System.exit(0);
    }

    /** Event {@code i} of the run: calls ring in the first third, are answered in the second, hang up in the last. */
    static String event(String prefix, int i, int events) {
        int calls = events / 3;
        int call = i % calls;
        int step = Math.min(2, i / calls);
        String caller = String.valueOf(49_221_400_000L + call % CALLERS);
        String name = switch (step) {
            case 0 -> "newCall";
            case 1 -> "answer";
            default -> "hangup";
        };
        return "{\"event\":\"" + name + "\",\"callId\":\"" + prefix + call + "\",\"direction\":\"in\",\"from\":\"" + caller + "\",\"to\":\"" + OURS + "\""
                + (step == 1 ? ",\"user\":\"Phone Agent\",\"answeringNumber\":\"201\"" : "")
                + (step == 2 ? ",\"cause\":\"normalClearing\"" : ",\"user\":[\"Phone Agent\"]") + "}";
    }

    /** The journal row for one event, by hand: what the acknowledgement must at least have written. */
    private static Result journalFloor(Map<String, String> env, int count, Clients clients) throws Exception {
        String url = env.get("SWITCHBOARD_DB_URL");
        long channelId;
        try (Connection c = DriverManager.getConnection(url, env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"));
             var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM channels LIMIT 1")) {
            rs.next();
            channelId = rs.getLong(1);
        }
        AtomicLong ids = new AtomicLong(1_000_000_000_000L);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(url, env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"));
                c.setAutoCommit(false);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Function<String, Task> rows = prefix -> i -> {
            Connection c = connections.get();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            byte[] payload = ("received " + now.toInstant() + " application/json\n" + event(prefix, i, count)).getBytes(StandardCharsets.UTF_8);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_items (id, channel_id, idempotency_key, content_type, payload,"
                    + " received_at, state, attempts, next_attempt_at, version) VALUES (?,?,?,?,?,?,'PENDING',0,?,0)")) {
                insert.setLong(1, ids.incrementAndGet());
                insert.setLong(2, channelId);
                insert.setString(3, "cti:" + prefix + i);
                insert.setString(4, "application/vnd.switchboard.cti-event");
                insert.setBytes(5, payload);
                insert.setObject(6, now);
                insert.setObject(7, now);
                insert.executeUpdate();
            }
            c.commit();
        };
        InboundApiBenchmark.warmUp("Journal floor", count, clients, new JitActivity(ProcessHandle.current().pid()), round -> rows.apply("floor-warm-" + round + "-"));
        return InboundApiBenchmark.run("Journal floor", count, clients, rows.apply("floor-"));
    }
}
