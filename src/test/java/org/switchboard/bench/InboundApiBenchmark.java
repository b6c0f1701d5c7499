package org.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.switchboard.testing.ApiClient;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.TestDatabase;

/**
 * Inbound API throughput on PostgreSQL: Switchboard on Payara Micro with a fresh database, 16
 * concurrent clients posting 20,000 messages (each from a new sender: contact, conversation,
 * ticket, message) to the generic endpoint. Then the raw floor: the same rows written by plain
 * JDBC, one transaction per message, 16 threads. Goal: ≥ 1,000 messages/s, p99 < 50 ms, ratio ≥ 0.5.
 * Both sides are measured warm: rounds of load run first until the JIT compilers are idle
 * ({@link JitActivity}). The clients are kept-alive sockets ({@link KeepAliveClient}); {@code jdk}
 * as third argument uses Java's HttpClient instead, which takes a quarter of the shared machine.
 *
 * <pre>
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.InboundApiBenchmark [messages] [clients] [lean|jdk]
 * </pre>
 * Uses SWITCHBOARD_DB_URL's server if it is PostgreSQL, else the local one at 127.0.0.1:5432 (user postgres).
 */
public final class InboundApiBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";
    private static final double JIT_QUIET_CORES = 0.05;
    private static final int MAX_WARM_UP_ROUNDS = 20;
    private static final int FIXED_WARM_UP_ROUNDS = 8;

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clientCount = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Clients clients = new Clients(clientCount, Executors.newFixedThreadPool(clientCount));
        boolean jdkClient = args.length > 2 && args[2].equals("jdk");
        Path work = Files.createTempDirectory("switchboard-bench");
        AutoCloseable statistics = () -> { };
        try (TestDatabase database = TestDatabase.postgresql(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Result api;
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                statistics = database.analyzeLikeAutovacuum(); // after the migrations: never in their way
                ApiClient admin = new ApiClient(server.base(), ADMIN_PASSWORD);
                String key = admin.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"Benchmark\"}").getString("key");
                URI endpoint = server.base().resolve("api/v1/channels/" + key + "/messages");
                Poster poster = jdkClient ? jdkPoster(endpoint, clients.count()) : leanPoster(endpoint);
                warmUp("API", messages, clients, new JitActivity(server.pid(), ProcessHandle.current().pid()),
                        round -> i -> post(poster, admin.bearer(), "warm-" + round + "-" + i));
                api = run("API", messages, clients, i -> post(poster, admin.bearer(), "msg-" + i));
            }
            Result floor = jdbcFloor(env, messages, clients);
            System.out.println("Machine: " + Percentiles.machine() + "; PostgreSQL on the same machine");
            System.out.println(api.line("Inbound API (Payara Micro, journal + processing; " + (jdkClient ? "Java's HttpClient" : "keep-alive socket clients") + ")"));
            System.out.println(floor.line("Raw floor (plain JDBC, same rows, 1 tx/message)"));
            System.out.printf("Ratio API / floor: %.2f%n", api.perSecond() / floor.perSecond());
            statistics.close();
        }
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /**
     * Runs rounds of the load until the JIT compilers of the processes involved are nearly idle
     * (under {@value #JIT_QUIET_CORES} of a core during a round, at most {@value #MAX_WARM_UP_ROUNDS}
     * rounds; {@value #FIXED_WARM_UP_ROUNDS} rounds where that cannot be read): on two cores the
     * server's compilers take up to half of a core for the first minute or two of this load, and
     * the steady state is what is measured. Each round is printed.
     */
    static void warmUp(String name, int messages, Clients clients, JitActivity jit, IntFunction<Task> round) throws Exception {
        int roundSize = Math.max(500, messages / 4);
        for (int number = 1; number <= MAX_WARM_UP_ROUNDS; number++) {
            double compiledBefore = jit.compilerSeconds();
            Result result = run(name + " warm-up " + number, roundSize, clients, round.apply(number));
            double compilerCores = (jit.compilerSeconds() - compiledBefore) / result.seconds();
            System.out.printf("%s; JIT compilers %.2f cores%n", result.line(name + " warm-up round " + number), compilerCores);
            boolean settled = jit.available() ? compilerCores < JIT_QUIET_CORES : number >= FIXED_WARM_UP_ROUNDS;
            if (settled) {
                return;
            }
        }
    }

    record Result(int count, double seconds, Percentiles latency, int errors) {
        double perSecond() {
            return count / seconds;
        }

        String line(String what) {
            return String.format("%s: %d messages in %.1f s = %.0f messages/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d",
                    what, count, seconds, perSecond(), latency.millis(50), latency.millis(99), latency.millis(100), errors);
        }
    }

    /**
     * The client threads, the same for every run: each keeps its connection (socket or JDBC) in a
     * thread-local, so new threads per warm-up round would open new connections and leave the old
     * ones open until PostgreSQL refuses more.
     */
    record Clients(int count, ExecutorService threads) {
    }

    static Result run(String name, int count, Clients clients, Task task) throws Exception {
        long[] samples = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients.count(); c++) {
            workers.add(clients.threads().submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    long t0 = System.nanoTime();
                    try {
                        task.run(i);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println(name + " error: " + e);
                        }
                    }
                    samples[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(count, seconds, new Percentiles(samples), errors.get());
    }

    /** Posts a JSON body to the endpoint, answers the status code. */
    interface Poster {
        int post(String authorization, String json) throws Exception;
    }

    /** The default: each client thread on its own kept-alive connection (see {@link KeepAliveClient}). */
    private static Poster leanPoster(URI endpoint) {
        ThreadLocal<KeepAliveClient> connections = ThreadLocal.withInitial(() -> new KeepAliveClient(endpoint));
        return (authorization, json) -> connections.get().postJson(authorization, json);
    }

    /** For comparison ({@code jdk} as third argument): Java's own client, which costs the shared machine much more CPU. */
    private static Poster jdkPoster(URI endpoint, int clients) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(clients)).build();
        return (authorization, json) -> http.send(HttpRequest.newBuilder(endpoint).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void post(Poster poster, String bearer, String externalId) throws Exception {
        String body = "{\"externalId\":\"" + externalId + "\",\"from\":{\"email\":\"" + externalId + "@customers.example.com\",\"name\":\"Customer "
                + externalId + "\"},\"subject\":\"Order " + externalId + " is late\",\"text\":\"Hello, my order has not arrived yet. Can you check?\"}";
        int status = poster.post(bearer, body);
        if (status != 202) {
            throw new IllegalStateException("HTTP " + status);
        }
    }

    /** The same rows the pipeline writes for one new message, by hand: item, contact, email, conversation, ticket, event, message. */
    private static Result jdbcFloor(Map<String, String> env, int count, Clients clients) throws Exception {
        String url = env.get("SWITCHBOARD_DB_URL");
        long channelId;
        long pipelineId;
        long stageId;
        try (Connection c = DriverManager.getConnection(url, env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"));
             var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT id, default_pipeline_id, default_stage_id FROM channels LIMIT 1");
            rs.next();
            channelId = rs.getLong(1);
            pipelineId = rs.getLong(2);
            stageId = rs.getLong(3);
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
            String externalId = prefix + i;
            long item = ids.incrementAndGet();
            long contact = ids.incrementAndGet();
            long conversation = ids.incrementAndGet();
            long ticket = ids.incrementAndGet();
            String body = "{\"externalId\":\"" + externalId + "\",\"from\":{\"email\":\"" + externalId + "@customers.example.com\"},\"text\":\"Hello\"}";
            exec(c, "INSERT INTO inbound_items (id, channel_id, idempotency_key, content_type, payload, received_at, state, attempts, next_attempt_at, version) VALUES (?,?,?,?,?,?,'PENDING',0,?,0)",
                    item, channelId, externalId, "application/json", body.getBytes(StandardCharsets.UTF_8), now, now);
            exec(c, "INSERT INTO contacts (id, full_name, created_at, version) VALUES (?,?,?,1)", contact, "Customer " + externalId, now);
            exec(c, "INSERT INTO contact_emails (contact_id, email) VALUES (?,?)", contact, externalId + "@customers.example.com");
            exec(c, "INSERT INTO tickets (id, ticket_number, subject, pipeline_id, stage_id, priority, source, channel_id, contact_id, created_at, updated_at, version, awaiting_routing) VALUES (?,?,?,?,?,'MEDIUM','CHANNEL',?,?,?,?,1,FALSE)",
                    ticket, ticket, "Order " + externalId + " is late", pipelineId, stageId, channelId, contact, now, now);
            exec(c, "INSERT INTO conversations (id, channel_id, contact_id, thread_key, ticket_id, created_at, last_message_at, version) VALUES (?,?,?,?,?,?,?,1)",
                    conversation, channelId, contact, "message:" + externalId, ticket, now, now);
            exec(c, "INSERT INTO ticket_events (id, ticket_id, event_type, phrases, occurred_at) VALUES (?,?,'CREATED','[{\"key\":\"timeline.createdFromChannel\",\"args\":{\"channel\":\"Benchmark\"}}]',?)",
                    ids.incrementAndGet(), ticket, now);
            exec(c, "INSERT INTO messages (id, conversation_id, channel_id, ticket_id, direction, subject, body_text, external_id, sent_at, received_at, delivery_state, created_at, version) VALUES (?,?,?,?,'INBOUND',?,?,?,?,?,'RECEIVED',?,1)",
                    ids.incrementAndGet(), conversation, channelId, ticket, "Order " + externalId + " is late", "Hello", externalId, now, now, now);
            exec(c, "UPDATE inbound_items SET state = 'PROCESSED', processed_at = ?, version = 1 WHERE id = ?", now, item);
            c.commit();
        };
        warmUp("JDBC floor", count, clients, new JitActivity(ProcessHandle.current().pid()), round -> rows.apply("floor-warm-" + round + "-"));
        return run("JDBC floor", count, clients, rows.apply("floor-"));
    }

    private static void exec(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
