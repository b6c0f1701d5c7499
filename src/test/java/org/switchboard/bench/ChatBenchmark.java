package org.switchboard.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.Browser;
import org.switchboard.testing.HttpSession;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.TestDatabase;

/**
 * Live chat with many open widgets on one instance with PostgreSQL, as the README starts it.
 * {@code connections} visitors open a session and keep a WebSocket open (said hello, waiting);
 * {@code chatting} of them send a message a second throughout, so the server is not idle. Then:
 * <ul>
 * <li><b>visitor → agent</b>: one visitor sends over their WebSocket; the agent has that ticket open
 * in headless Chromium, and a MutationObserver stamps when the line appears ({@code Date.now()},
 * the benchmark's own clock);</li>
 * <li><b>agent → visitor</b>: a reply through the tickets API (what the ticket page's Send does)
 * until the visitor's WebSocket gets it.</li>
 * </ul>
 * Memory per connection: the server's heap after a full GC, before and after opening them. Runs a
 * warm-up round first and measures the second. Goal: p95 under 300 ms each way with 2,000 open.
 *
 * <pre>
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.ChatBenchmark [connections] [round trips] [chatting]
 * </pre>
 */
public final class ChatBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int chatting = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = Files.createTempDirectory("switchboard-chat-bench");
        try (TestDatabase database = TestDatabase.postgresql(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                ApiClient api = new ApiClient(server.base(), ADMIN_PASSWORD);
                JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CHAT\",\"name\":\"Benchmark chat\"}");
                String chat = "/api/v1/inbound/chat/" + channel.getString("key") + "/";
                long channelId = channel.getJsonNumber("id").longValue();
                HttpSession http = new HttpSession(server.base());
                HttpClient client = HttpClient.newHttpClient();
                URI socketUri = URI.create("ws://127.0.0.1:" + server.base().getPort() + "/widget/socket/" + channel.getString("key"));

                long heapBefore = heapAfterGc(server.pid());
                List<Visitor> visitors = new ArrayList<>();
                long opening = System.nanoTime();
                for (int i = 0; i < connections; i++) {
                    String token = ApiClient.object(http.postJson(chat + "session", "{}")).getString("token");
                    visitors.add(new Visitor(token, client, socketUri));
                }
                long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (visitors.stream().anyMatch(v -> !v.ready.isDone()) && System.nanoTime() < readyBy) {
                    Thread.sleep(100);
                }
                long notReady = visitors.stream().filter(v -> !v.ready.isDone()).count();
                if (notReady > 0) {
                    // reported, and left out of what follows (a widget would reopen its socket after 5 s)
                    System.out.printf("%d of %d widgets got no answer to hello within a minute%n", notReady, connections);
                    for (Visitor silent : visitors.stream().filter(v -> !v.ready.isDone()).toList()) {
                        System.out.println("  one of them: " + silent.diagnose());
                    }
                    visitors.removeIf(v -> !v.ready.isDone());
                }
                System.out.printf("%d widget connections open (sessions + WebSockets + hello) in %.1f s%n", connections, (System.nanoTime() - opening) / 1e9);
                long heapAfter = heapAfterGc(server.pid());
                System.out.printf("Server heap after full GC: %d MiB before, %d MiB with the connections open: %.1f KiB per connection%n",
                        heapBefore >> 10, heapAfter >> 10, (heapAfter - heapBefore) / (double) connections);

                try (Browser agent = new Browser()) {
                    // the newest connection: the oldest have sat silent for as long as the others took to open
                    Visitor measured = visitors.get(visitors.size() - 1);
                    measured.send("first", "Benchmark conversation");
                    long ticketId = awaitTicket(api, channelId);
                    Thread load = new Thread(() -> chatter(visitors.subList(Math.max(0, visitors.size() - 1 - chatting), visitors.size() - 1)));
                    load.setDaemon(true);
                    load.start();
                    WebDriver page = agent.driver();
                    page.get(server.base().resolve("login.xhtml").toString());
                    page.findElement(By.id("login:username")).sendKeys("admin");
                    page.findElement(By.id("login:password")).sendKeys(ADMIN_PASSWORD);
                    page.findElement(By.id("login:submit")).click();
                    agent.waiting().until(d -> !d.findElements(By.id("userMenu")).isEmpty());
                    page.get(server.base().resolve("ticket.xhtml?id=" + ticketId).toString());
                    agent.waiting().until(d -> !d.findElements(By.id("conversation")).isEmpty());
                    // when the page's Ajax refreshes started and ended, to split the visitor → agent time into push and refresh
                    ((JavascriptExecutor) page).executeScript("window.__ajax = [];"
                            + "faces.ajax.addOnEvent(function (data) { if (data.status === 'begin') { window.__ajax.push([Date.now(), 0]); }"
                            + " else if (data.status === 'success' && window.__ajax.length) { window.__ajax[window.__ajax.length - 1][1] = Date.now(); } });");
                    ((JavascriptExecutor) page).executeScript("window.__seen = {};"
                            + "new MutationObserver(function () { var text = document.body.innerText; var found = text.match(/bench-v-\\d+-\\d+/g) || [];"
                            + " found.forEach(function (m) { if (!window.__seen[m]) { window.__seen[m] = Date.now(); } }); })"
                            + ".observe(document.body, {childList: true, subtree: true, characterData: true});");
                    for (int round = 0; round < 2; round++) {
                        long[] toAgent = new long[roundTrips];
                        long[] toVisitor = new long[roundTrips];
                        long[] untilRefresh = new long[roundTrips];
                        long[] refresh = new long[roundTrips];
                        for (int i = 0; i < roundTrips; i++) {
                            String marker = "bench-v-" + round + "-" + i;
                            long sent = System.currentTimeMillis();
                            measured.send(round + "-" + i, marker);
                            long seen = awaitSeen(page, marker);
                            toAgent[i] = TimeUnit.MILLISECONDS.toNanos(seen - sent);
                            long[] ajax = refreshThatShowed(page, seen);
                            untilRefresh[i] = TimeUnit.MILLISECONDS.toNanos(Math.max(0, ajax[0] - sent));
                            refresh[i] = TimeUnit.MILLISECONDS.toNanos(Math.max(0, seen - ajax[0]));
                            String reply = "bench-a-" + round + "-" + i;
                            long replied = System.nanoTime();
                            CompletableFuture<Long> arrival = measured.awaitText(reply);
                            api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"" + reply + "\"}");
                            toVisitor[i] = arrival.get(30, TimeUnit.SECONDS) - replied;
                            Thread.sleep(400); // a person types: spread the round trips
                        }
                        Percentiles pushed = new Percentiles(untilRefresh);
                        Percentiles refreshed = new Percentiles(refresh);
                        System.out.printf("  visitor → agent, split: until the page's refresh starts p50 %.0f / p95 %.0f ms; the refresh until the line shows p50 %.0f / p95 %.0f ms%n",
                                pushed.millis(50), pushed.millis(95), refreshed.millis(50), refreshed.millis(95));
                        Percentiles a = new Percentiles(toAgent);
                        Percentiles v = new Percentiles(toVisitor);
                        System.out.printf("%s: visitor → agent p50 %.0f ms, p95 %.0f ms, max %.0f ms; agent → visitor p50 %.0f ms, p95 %.0f ms, max %.0f ms "
                                        + "(%d round trips, %d connections open, %d chatting)%n", round == 0 ? "Warm-up" : "Warm",
                                a.millis(50), a.millis(95), a.millis(100), v.millis(50), v.millis(95), v.millis(100), roundTrips, connections, chatting);
                    }
                }
                System.out.println("Machine: " + Percentiles.machine());
                visitors.forEach(Visitor::close);
            }
        }
    }

    private static long awaitSeen(WebDriver page, String marker) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Object seen = ((JavascriptExecutor) page).executeScript("return window.__seen[arguments[0]] || null;", marker);
            if (seen != null) {
                return ((Number) seen).longValue();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(marker + " never reached the agent's page; it shows: "
                + ((JavascriptExecutor) page).executeScript("var c = document.getElementById('conversation'); return (c ? c.innerText : document.body.innerText).slice(-600);"));
    }

    /** {begin, end} of the page's last Ajax refresh that began before the line showed. */
    private static long[] refreshThatShowed(WebDriver page, long seen) {
        Object found = ((JavascriptExecutor) page).executeScript("var all = window.__ajax, best = null;"
                + " for (var i = 0; i < all.length; i++) { if (all[i][0] <= arguments[0]) { best = all[i]; } } return best;", seen);
        if (!(found instanceof List<?> pair) || pair.size() < 2) {
            return new long[]{seen, seen};
        }
        return new long[]{((Number) pair.get(0)).longValue(), ((Number) pair.get(1)).longValue()};
    }

    private static long awaitTicket(ApiClient api, long channelId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var items = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items");
            if (!items.isEmpty()) {
                return items.getJsonObject(0).getJsonNumber("id").longValue();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no ticket");
    }

    /** Other visitors chatting, one message a second between them, so the measured one is not alone. */
    private static void chatter(List<Visitor> talkers) {
        int n = 0;
        while (!talkers.isEmpty()) {
            try {
                Thread.sleep(1000 / Math.max(1, talkers.size()));
                talkers.get(n % talkers.size()).send("load-" + n, "Just browsing " + n);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException closed) {
                System.out.println("A chatting widget's socket was closed: " + closed.getMessage());
            }
            n++;
        }
    }

    /** Used heap after a full GC, in KiB (jcmd and jstat from this JDK). */
    private static long heapAfterGc(long pid) throws Exception {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        new ProcessBuilder(bin.resolve("jcmd").toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process jstat = new ProcessBuilder(bin.resolve("jstat").toString(), "-gc", String.valueOf(pid)).redirectErrorStream(true).start();
        List<String> lines = new String(jstat.getInputStream().readAllBytes()).lines().toList();
        jstat.waitFor();
        String[] names = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        double used = 0;
        for (int i = 0; i < names.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                used += Double.parseDouble(values[i]);
            }
        }
        return (long) used;
    }

    /** One widget: a WebSocket that said hello and collects what the server pushes. */
    static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();

    private static final class Visitor implements WebSocket.Listener {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final String token;
        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private final Map<String, CompletableFuture<Long>> awaited = new ConcurrentHashMap<>();

        Visitor(String token, HttpClient client, URI uri) throws Exception {
            this.token = token;
            WebSocket opened = null;
            for (int attempt = 1; opened == null; attempt++) {
                try {
                    opened = client.newWebSocketBuilder().buildAsync(uri, this).get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) || attempt == 5) {
                        throw e;
                    }
                    REFUSED.incrementAndGet();
                    System.out.println("WebSocket handshake refused with " + refused.getResponse().statusCode() + "; trying again");
                    Thread.sleep(200);
                }
            }
            this.socket = opened;
            helloSent = socket.sendText(Json.createObjectBuilder().add("type", "hello").add("token", token).add("after", 0).build().toString(), true);
        }

        synchronized void send(String clientId, String text) {
            socket.sendText(Json.createObjectBuilder().add("type", "send").add("clientId", clientId.replaceAll("[^A-Za-z0-9_-]", "-"))
                    .add("text", text).build().toString(), true).join();
        }

        CompletableFuture<Long> awaitText(String text) {
            return awaited.computeIfAbsent(text, t -> new CompletableFuture<>());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long at = System.nanoTime();
            partial.append(data);
            if (last) {
                JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
                partial.setLength(0);
                if (frame.getString("type").equals("pong")) {
                    awaitText("__pong").complete(at);
                } else if (!frame.getString("type").equals("ready") && !frame.getString("type").equals("messages")) {
                    events.add("frame " + frame);
                }
                if (frame.getString("type").equals("ready")) {
                    ready.complete(null);
                } else if (frame.getString("type").equals("messages")) {
                    for (JsonValue line : frame.getJsonArray("messages")) {
                        awaitText(line.asJsonObject().getString("text")).complete(at);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        private final java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile CompletableFuture<WebSocket> helloSent;

        /** What happened to a widget whose hello was not answered: did the hello go, does the socket answer a ping now. */
        String diagnose() throws InterruptedException {
            CompletableFuture<Long> pong = awaitText("__pong");
            socket.sendText("{\"type\":\"ping\"}", true);
            String ponged;
            try {
                pong.get(5, TimeUnit.SECONDS);
                ponged = "answers a ping";
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                ponged = "no answer to a ping either";
            }
            return "hello sent: " + (helloSent == null ? "?" : helloSent.isDone() ? (helloSent.isCompletedExceptionally() ? "failed" : "yes") : "pending")
                    + ", input closed: " + socket.isInputClosed() + ", output closed: " + socket.isOutputClosed() + ", " + ponged + ", events: " + events;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add("closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add("error " + error);
        }
    }
}
