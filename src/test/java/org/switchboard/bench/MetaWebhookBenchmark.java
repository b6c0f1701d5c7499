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
import org.switchboard.channels.meta.MetaSignature;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.TestDatabase;

/**
 * Meta's webhooks into PostgreSQL (#16): Switchboard on Payara Micro with a fresh database, a
 * WhatsApp channel connected through its API, 16 concurrent senders posting signed webhook bodies
 * as Meta does — each a customer's text message (1,000 customers, so most continue a conversation)
 * — and the time until each is acknowledged (signature checked on the raw bytes, journaled,
 * answered; processing follows from the journal). Goal: ≥ 1,000 events/s, acknowledgement p99 <
 * 100 ms. Then it waits until every journaled event is processed into tickets and reports that
 * rate too. Floor, in the same run: the journal row alone (one INSERT and commit per event, plain
 * JDBC, 16 threads) — what an acknowledgement cannot be faster than. Both measured warm
 * ({@link JitActivity}).
 *
 * <pre>
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.MetaWebhookBenchmark [events] [clients]
 * </pre>
 * Messenger's webhook takes the same path (signature, journal under the message id, answer); it is
 * measured through WhatsApp because a Messenger page is connected by Facebook Login in a browser.
 */
public final class MetaWebhookBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";
    private static final String APP_SECRET = "benchmark-app-secret";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final int CUSTOMERS = 1000;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clientCount = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Clients clients = new Clients(clientCount, Executors.newFixedThreadPool(clientCount));
        Path work = Files.createTempDirectory("switchboard-bench");
        try (TestDatabase database = TestDatabase.postgresql(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("SWITCHBOARD_META_GRAPH_URL", "http://127.0.0.1:9/v21.0"); // nothing is sent in this benchmark
            Result webhook;
            double processedPerSecond;
            AutoCloseable statistics;
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                statistics = database.analyzeLikeAutovacuum();
                ApiClient admin = new ApiClient(server.base(), ADMIN_PASSWORD);
                long channelId = admin.create("/api/v1/channels", "{\"type\":\"WHATSAPP\",\"name\":\"Benchmark\"}").getJsonNumber("id").longValue();
                int connected = admin.send("PUT", "/api/v1/channels/" + channelId + "/whatsapp", "{\"businessAccountId\":\"102290129340398\","
                        + "\"phoneNumberId\":\"" + PHONE_NUMBER_ID + "\",\"accessToken\":\"EAAG-benchmark\",\"appSecret\":\"" + APP_SECRET + "\"}").statusCode();
                if (connected != 200) {
                    throw new IllegalStateException("The WhatsApp channel was not connected: HTTP " + connected);
                }
                URI endpoint = server.base().resolve("api/v1/inbound/whatsapp");
                ThreadLocal<KeepAliveClient> connections = ThreadLocal.withInitial(() -> new KeepAliveClient(endpoint));
                Function<String, Task> post = prefix -> i -> {
                    byte[] raw = message(prefix + i, i % CUSTOMERS).getBytes(StandardCharsets.UTF_8);
                    int status = connections.get().postJson(MetaSignature.HEADER, MetaSignature.header(APP_SECRET, raw), raw);
                    if (status != 200) {
                        throw new IllegalStateException("HTTP " + status);
                    }
                };
                InboundApiBenchmark.warmUp("Webhook", events, clients, new JitActivity(server.pid(), ProcessHandle.current().pid()),
                        round -> post.apply("wamid.warm" + round + "x"));
                awaitProcessed(env, Duration.ofMinutes(5));
                long start = System.nanoTime();
                webhook = InboundApiBenchmark.run("Webhook", events, clients, post.apply("wamid.run"));
                awaitProcessed(env, Duration.ofMinutes(10));
                processedPerSecond = events / ((System.nanoTime() - start) / 1e9);
            }
            Result floor = journalFloor(env, events, clients);
            System.out.println("Machine: " + Percentiles.machine() + "; PostgreSQL on the same machine");
            System.out.println(webhook.line("WhatsApp webhook acknowledged (Payara Micro: signature on raw bytes + journal)"));
            System.out.printf("Processed into tickets (from the first post until the journal is empty): %.0f events/s%n", processedPerSecond);
            System.out.println(floor.line("Floor (plain JDBC: the journal row alone, 1 tx/event)"));
            System.out.printf("Ratio webhook / floor: %.2f%n", webhook.perSecond() / floor.perSecond());
            statistics.close();
        }
        System.exit(0);
    }

    /** A customer's text message as Meta's Cloud API webhook carries it. */
    static String message(String wamid, int customer) {
        String waId = String.valueOf(358_400_000_000L + customer);
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Asiakas " + customer + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + System.currentTimeMillis() / 1000
                + "\",\"type\":\"text\",\"text\":{\"body\":\"Hyv\\u00e4\\u00e4 p\\u00e4iv\\u00e4\\u00e4, where is my order " + wamid + "?\"}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** Waits until the journal has nothing pending (every posted event processed). */
    static void awaitProcessed(Map<String, String> env, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection c = DriverManager.getConnection(env.get("SWITCHBOARD_DB_URL"), env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"));
             PreparedStatement pending = c.prepareStatement("SELECT COUNT(*) FROM inbound_items WHERE state = 'PENDING'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = pending.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("The journal was not processed within " + limit);
    }

    /** The journal row for one event, by hand: what the acknowledgement must at least have written. */
    private static Result journalFloor(Map<String, String> env, int count, Clients clients) throws Exception {
        String url = env.get("SWITCHBOARD_DB_URL");
        long channelId;
        try (Connection c = DriverManager.getConnection(url, env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"));
             var s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM channels LIMIT 1")) {
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
            byte[] payload = ("message " + prefix + i + "\n" + message(prefix + i, i % CUSTOMERS)).getBytes(StandardCharsets.UTF_8);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_items (id, channel_id, idempotency_key, content_type, payload,"
                    + " received_at, state, attempts, next_attempt_at, version) VALUES (?,?,?,?,?,?,'PENDING',0,?,0)")) {
                insert.setLong(1, ids.incrementAndGet());
                insert.setLong(2, channelId);
                insert.setString(3, "wa:" + prefix + i);
                insert.setString(4, "application/vnd.switchboard.whatsapp-event");
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
