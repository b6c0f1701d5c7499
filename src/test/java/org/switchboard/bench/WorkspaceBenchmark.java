package org.switchboard.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.switchboard.testing.ApiClient;
import org.switchboard.testing.HttpSession;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.SmokeChecks;
import org.switchboard.testing.TestDatabase;

/**
 * Workspace pages over HTTP with a signed-in session, on PostgreSQL holding a million tickets:
 * the first page of each ticket view, and ticket pages. Goal: p95 under 150 ms for a view's
 * first page, under 200 ms for a ticket page.
 *
 * <pre>
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.WorkspaceBenchmark [tickets] [requests]
 * </pre>
 *
 * It seeds a fresh database (its name is printed) with the tickets — 5 channels, 20 agents,
 * 200,000 contacts; per ticket a conversation, two messages and a timeline event; the older 92 %
 * closed, the rest open, 70 % of those assigned — then times each page {@code requests} times
 * one after another after a warm-up, as one agent clicking through the workspace would.
 */
public final class WorkspaceBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";
    private static final int CHANNELS = 5;
    private static final int AGENTS = 20;
    private static final int CONTACTS = 200_000;
    private static final long BASE = 10_000_000L; // seeded ids start here, above anything the server allocates

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path work = Files.createTempDirectory("switchboard-bench");
        try (TestDatabase database = TestDatabase.postgresql(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            System.out.println("Database: " + env.get("SWITCHBOARD_DB_URL"));
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                ApiClient admin = new ApiClient(server.base(), ADMIN_PASSWORD);
                List<Long> channels = new ArrayList<>();
                for (int c = 1; c <= CHANNELS; c++) {
                    channels.add(admin.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"Channel " + c + "\"}").getJsonNumber("id").longValue());
                }
                List<Long> agents = new ArrayList<>();
                for (int a = 1; a <= AGENTS; a++) {
                    agents.add(admin.create("/api/v1/users", "{\"username\":\"agent" + a + "\",\"fullName\":\"Agent " + a
                            + "\",\"roles\":[\"AGENT\"],\"paidSeat\":true,\"password\":\"agent-password\"}").getJsonNumber("id").longValue());
                }
                long seedStart = System.nanoTime();
                seed(env, tickets, channels, agents);
                System.out.printf("Seeded %,d tickets (with conversations, 2 messages and an event each) in %.0f s%n", tickets,
                        (System.nanoTime() - seedStart) / 1e9);

                HttpSession agent = SmokeChecks.signIn(server.base(), "agent1", "agent-password");
                Random random = new Random(42);
                List<String[]> pages = List.of(
                        new String[]{"All open, first page", "/?view=open"},
                        new String[]{"Assigned to me, first page", "/?view=mine"},
                        new String[]{"Unassigned, first page", "/?view=unassigned"},
                        new String[]{"Closed, first page", "/?view=closed"},
                        new String[]{"One channel, first page", "/?view=channel&channel=" + channels.get(0)});
                for (String[] page : pages) {
                    time(agent, page[1], 30, () -> page[1]); // warm-up
                }
                time(agent, "/ticket.xhtml?id=" + (BASE + 1), 30, () -> "/ticket.xhtml?id=" + (BASE + 1 + random.nextInt(tickets)));
                System.out.println("Machine: " + Percentiles.machine() + "; PostgreSQL on the same machine; " + requests + " requests each, one at a time");
                for (String[] page : pages) {
                    System.out.println(line(page[0], time(agent, page[1], requests, () -> page[1])));
                }
                System.out.println(line("Ticket page, random ticket", time(agent, "", requests,
                        () -> "/ticket.xhtml?id=" + (BASE + 1 + random.nextInt(tickets)))));
            }
        }
        System.exit(0);
    }

    interface Address {
        String next();
    }

    private static Percentiles time(HttpSession session, String label, int count, Address address) {
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            String path = address.next();
            long t0 = System.nanoTime();
            HttpResponse<String> response = session.get(path);
            samples[i] = System.nanoTime() - t0;
            if (response.statusCode() != 200 || response.body().contains("Something went wrong")) {
                throw new IllegalStateException(path + " → " + response.statusCode());
            }
        }
        return new Percentiles(samples);
    }

    private static String line(String what, Percentiles latency) {
        return String.format("%-30s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   max %6.1f ms", what, latency.millis(50), latency.millis(95),
                latency.millis(99), latency.millis(100));
    }

    private static void seed(Map<String, String> env, int tickets, List<Long> channels, List<Long> agents) throws Exception {
        try (Connection c = DriverManager.getConnection(env.get("SWITCHBOARD_DB_URL"), env.get("SWITCHBOARD_DB_USER"), env.get("SWITCHBOARD_DB_PASSWORD"));
             Statement s = c.createStatement()) {
            long pipeline;
            long openStage;
            long waitingStage;
            long closedStage;
            try (ResultSet r = s.executeQuery("SELECT p.id, MIN(CASE WHEN st.position = 0 THEN st.id END), MIN(CASE WHEN st.position = 1 THEN st.id END),"
                    + " MIN(CASE WHEN st.closes_ticket THEN st.id END) FROM pipelines p JOIN pipeline_stages st ON st.pipeline_id = p.id GROUP BY p.id")) {
                r.next();
                pipeline = r.getLong(1);
                openStage = r.getLong(2);
                waitingStage = r.getLong(3);
                closedStage = r.getLong(4);
            }
            String channelArray = "ARRAY" + channels;
            String agentArray = "ARRAY" + agents;
            long closedBelow = BASE + Math.round(tickets * 0.92);
            s.execute("SET synchronous_commit = off");
            s.execute("INSERT INTO contacts (id, full_name, created_at, version) SELECT " + BASE + " + g, 'Customer ' || g, now(), 1"
                    + " FROM generate_series(1, " + CONTACTS + ") g");
            s.execute("INSERT INTO contact_emails (contact_id, email) SELECT " + BASE + " + g, 'customer' || g || '@example.com' FROM generate_series(1, " + CONTACTS + ") g");
            // ticket g: newer with g; one minute apart, so a million tickets span two years
            s.execute("INSERT INTO tickets (id, ticket_number, subject, pipeline_id, stage_id, priority, owner_id, source, channel_id, contact_id,"
                    + " created_at, updated_at, closed_at, version, awaiting_routing, is_open)"
                    + " SELECT id, id, 'Question about order ' || id, " + pipeline + ","
                    + "  CASE WHEN id < " + closedBelow + " THEN " + closedStage + " WHEN id % 3 = 0 THEN " + waitingStage + " ELSE " + openStage + " END,"
                    + "  (ARRAY['LOW','MEDIUM','MEDIUM','HIGH','URGENT'])[1 + id % 5],"
                    + "  CASE WHEN id >= " + closedBelow + " AND id % 10 >= 7 THEN NULL ELSE (" + agentArray + ")[1 + id % " + agents.size() + "] END,"
                    + "  'CHANNEL', (" + channelArray + ")[1 + id % " + channels.size() + "], " + BASE + " + 1 + id % " + CONTACTS + ","
                    + "  ts, ts + interval '5 minutes', CASE WHEN id < " + closedBelow + " THEN ts + interval '5 minutes' END, 1, FALSE,"
                    + "  CASE WHEN id < " + closedBelow + " THEN 0 ELSE 1 END"
                    + " FROM (SELECT " + BASE + " + g AS id, now() - (" + tickets + " - g) * interval '1 minute' AS ts FROM generate_series(1, " + tickets + ") g) t");
            s.execute("INSERT INTO conversations (id, channel_id, contact_id, thread_key, ticket_id, created_at, last_message_at, version)"
                    + " SELECT id, channel_id, contact_id, 'bench:' || id, id, created_at, updated_at, 1 FROM tickets WHERE id > " + BASE);
            s.execute("INSERT INTO messages (id, conversation_id, channel_id, ticket_id, direction, subject, body_text, external_id, sent_at, received_at,"
                    + " delivery_state, created_at, version) SELECT id * 2, id, channel_id, id, 'INBOUND', subject,"
                    + " 'Hello, my order ' || id || ' has not arrived yet. Could you check where it is? Thanks!', 'bench-' || id, created_at, created_at,"
                    + " 'RECEIVED', created_at, 1 FROM tickets WHERE id > " + BASE);
            s.execute("INSERT INTO messages (id, conversation_id, channel_id, ticket_id, direction, author_id, subject, body_text, sent_at,"
                    + " delivery_state, created_at, version) SELECT id * 2 + 1, id, channel_id, id, 'OUTBOUND', owner_id, 'Re: ' || subject,"
                    + " 'Thanks for writing. The parcel is on its way and should arrive tomorrow.', updated_at, 'SENT', updated_at, 1"
                    + " FROM tickets WHERE id > " + BASE + " AND owner_id IS NOT NULL");
            s.execute("INSERT INTO ticket_events (id, ticket_id, event_type, phrases, occurred_at) SELECT id, id, 'CREATED', '[{\"key\":\"timeline.createdFromChannel\",\"args\":{\"channel\":\"Benchmark\"}}]', created_at"
                    + " FROM tickets WHERE id > " + BASE);
            s.execute("VACUUM ANALYZE"); // what autovacuum does to a table after a load: statistics and the visibility map
        }
    }
}
