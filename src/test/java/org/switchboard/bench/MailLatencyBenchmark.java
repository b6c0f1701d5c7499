package org.switchboard.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.switchboard.testing.ApiClient;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.TestDatabase;

/**
 * Mail-to-ticket latency with IMAP IDLE: Switchboard (Payara Micro, started as the README does)
 * watches an IMAP mailbox — GreenMail's, or with {@code postfix} Debian's Dovecot fed by Debian's
 * Postfix over LMTP, as a real mail host delivers —; mails are delivered over SMTP at a steady rate, each from its
 * own sender; the latency of one mail is from the end of its SMTP delivery to its ticket being
 * visible in the API (the newest tickets polled every 50 ms). Goal: p95 under 5 s.
 *
 * <pre>
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.MailLatencyBenchmark [mails] [per-second] [h2|postgresql] [greenmail|postfix]
 * </pre>
 */
public final class MailLatencyBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        boolean postgres = args.length > 2 && args[2].equalsIgnoreCase("postgresql");
        boolean realServers = args.length > 3 && args[3].equalsIgnoreCase("postfix");
        String address = "support@acme.test";
        Path work = Files.createTempDirectory("switchboard-mail-bench");
        try (MailHost mail = realServers ? MailHost.postfixAndDovecot(work, address) : MailHost.greenMail(address);
             TestDatabase database = postgres ? TestDatabase.postgresql(work.resolve("data")) : new TestDatabase(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                ApiClient api = new ApiClient(server.base(), ADMIN_PASSWORD);
                long channelId = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"Benchmark mail\"}").getJsonNumber("id").longValue();
                String account = "{\"kind\":\"OTHER\",\"address\":\"" + address + "\",\"companyName\":\"Acme\","
                        + "\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + mail.imapPort + ",\"security\":\"NONE\"},"
                        + "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":" + mail.smtpPort + ",\"security\":\"NONE\"},"
                        + "\"username\":\"" + address + "\",\"secret\":\"mailbox-pw\"}";
                if (api.send("PUT", "/api/v1/channels/" + channelId + "/email", account).statusCode() != 200) {
                    throw new IllegalStateException("cannot connect the mailbox");
                }
                Thread.sleep(3000); // the watcher connects and enters IDLE
                Session session = Session.getInstance(smtp(mail.smtpPort));
                IdleObserver observer = new IdleObserver(mail.imapPort, address, "mailbox-pw");
                // warm: a fresh JVM runs at a third of its speed for a minute or two; these mails are not measured
                send(session, address, "warm-up-", mails, perSecond, new ConcurrentHashMap<>());
                Thread.sleep(5000);
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                Map<String, Long> seenAt = new ConcurrentHashMap<>();
                mail.startMeasuring();
                Thread poller = new Thread(() -> poll(api, channelId, sentAt, seenAt, mails));
                poller.start();
                send(session, address, "bench-", mails, perSecond, sentAt);
                poller.join(Duration.ofMinutes(5).toMillis());
                long[] latencies = sentAt.entrySet().stream().filter(e -> seenAt.containsKey(e.getKey()))
                        .mapToLong(e -> seenAt.get(e.getKey()) - e.getValue()).toArray();
                Percentiles p = new Percentiles(latencies);
                System.out.printf("Mail to ticket (%s, IMAP IDLE, %s), warm after %d unmeasured mails: %d mails at %.1f/s, %d became tickets; latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        mail.name, database.kind(), mails, mails, perSecond, latencies.length, p.millis(50), p.millis(95), p.millis(99), p.millis(100));
                System.out.println("Machine: " + Percentiles.machine());
                Map<String, Long> announcedAt = observer.announcedBySubject();
                observer.close();
                long[] toAnnounce = sentAt.entrySet().stream().filter(e -> announcedAt.containsKey(e.getKey()))
                        .mapToLong(e -> announcedAt.get(e.getKey()) - e.getValue()).toArray();
                long[] afterAnnounce = seenAt.entrySet().stream().filter(e -> announcedAt.containsKey(e.getKey()))
                        .mapToLong(e -> e.getValue() - announcedAt.get(e.getKey())).toArray();
                Percentiles announced = new Percentiles(toAnnounce);
                Percentiles rest = new Percentiles(afterAnnounce);
                System.out.printf("  SMTP accepted -> IDLE announced to a second client: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                        announced.millis(50), announced.millis(95), announced.millis(100));
                System.out.printf("  IDLE announced -> ticket in the API (Switchboard: fetch, journal, processing; + up to 50 ms polling): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                        rest.millis(50), rest.millis(95), rest.millis(100));
                mail.report();
            }
        }
    }

    /** Where the mail is sent and read: GreenMail (SMTP + IMAP in the benchmark's JVM) or Postfix delivering into Dovecot over LMTP. */
    private static final class MailHost implements AutoCloseable {
        final String name;
        final int smtpPort;
        final int imapPort;
        private final AutoCloseable[] servers;
        private final Path postfixLog;
        private long logLinesBefore;

        private MailHost(String name, int smtpPort, int imapPort, Path postfixLog, AutoCloseable... servers) {
            this.name = name;
            this.smtpPort = smtpPort;
            this.imapPort = imapPort;
            this.postfixLog = postfixLog;
            this.servers = servers;
        }

        static MailHost greenMail(String address) throws Exception {
            int smtpPort = freePort();
            int imapPort = freePort();
            GreenMail mail = new GreenMail(new ServerSetup[]{new ServerSetup(smtpPort, "127.0.0.1", "smtp"), new ServerSetup(imapPort, "127.0.0.1", "imap")});
            mail.start();
            mail.setUser(address, address, "mailbox-pw");
            return new MailHost("GreenMail", smtpPort, imapPort, null, mail::stop);
        }

        static MailHost postfixAndDovecot(Path work, String address) throws Exception {
            Dovecot dovecot = Dovecot.prepare(work.resolve("dovecot"), address, "mailbox-pw", true).start();
            Postfix postfix = Postfix.start(work, address.substring(address.indexOf('@') + 1), dovecot.lmtpPort());
            return new MailHost("Postfix -> LMTP -> Dovecot", postfix.port(), dovecot.port(), postfix.log(), postfix, dovecot);
        }

        void startMeasuring() throws Exception {
            logLinesBefore = postfixLog == null ? 0 : Files.readAllLines(postfixLog).size();
        }

        /** Postfix's own account of each delivery: its time from accepting the mail to Dovecot's LMTP answer. */
        void report() throws Exception {
            if (postfixLog == null) {
                return;
            }
            long[] delays = Files.readAllLines(postfixLog).stream().skip(logLinesBefore).filter(line -> line.contains("status=sent"))
                    .map(line -> line.replaceFirst(".* delay=([0-9.]+),.*", "$1"))
                    .mapToLong(delay -> Math.round(Double.parseDouble(delay) * 1_000_000_000L)).toArray();
            Percentiles p = new Percentiles(delays);
            System.out.printf("  of which Postfix accepted -> Dovecot's LMTP took it (Postfix's log, 10 ms resolution): %d mails; p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                    delays.length, p.millis(50), p.millis(95), p.millis(100));
        }

        @Override
        public void close() throws Exception {
            for (AutoCloseable server : servers) {
                server.close();
            }
        }
    }

    private static void send(Session session, String address, String prefix, int mails, double perSecond, Map<String, Long> sentAt) throws Exception {
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        for (int i = 0; i < mails; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            String subject = prefix + i;
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(prefix + "sender" + i + "@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
            message.setSubject(subject);
            message.setText("Mail number " + i + " of the latency benchmark.");
            Transport.send(message);
            sentAt.put(subject, System.nanoTime());
        }
    }

    private static void poll(ApiClient api, long channelId, Map<String, Long> sentAt, Map<String, Long> seenAt, int mails) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (seenAt.size() < mails && System.nanoTime() < deadline) {
            // the newest 50 tickets: far more than arrive between two polls, and light on the server under test
            JsonObject page = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId + "&limit=50"));
            long now = System.nanoTime();
            for (JsonValue item : page.getJsonArray("items")) {
                String subject = item.asJsonObject().getString("subject");
                if (sentAt.containsKey(subject)) {
                    seenAt.putIfAbsent(subject, now);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Properties smtp(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        return properties;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
