package org.switchboard.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.switchboard.channels.email.control.EmailAccount;
import org.switchboard.imports.control.ImapFolderSource;
import org.switchboard.imports.control.MailSource;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.TestDatabase;

/**
 * mailbox-import throughput from a real IMAP server (Debian's Dovecot, see {@link Dovecot}) into
 * PostgreSQL. The mailbox: mails of 1–200 KB (log-uniform), about 10 % with an attachment, about
 * 30 % replies in threads, a third of those from the team's own address. Switchboard runs as the
 * README does with a 512 MB heap; imports of warm-up folders of new mails warm it up until its JIT
 * compilers are nearly idle (a fresh JVM runs at a third of its speed for a minute or two, longer on
 * this large code path), then the measured folder is imported. Two floors,
 * measured in the same run: the IMAP fetch floor (the import's own source class fetching the same
 * folder, no processing) and the JDBC floor (the same rows — contacts, tickets, conversations,
 * messages, attachments — inserted by plain JDBC batches, one transaction per chunk). Goal:
 * ≥ 1,000 mails/s, heap under 512 MB.
 *
 * <pre>
 * apt-get install dovecot-imapd   # once; the benchmark installs nothing
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.ImportBenchmark [mails] [chunk] [imap|mbox] [warm-up mails]
 * </pre>
 * With {@code mbox}, the same mails come from an uploaded mbox archive: the writer alone.
 * Profile the server with {@code -Dswitchboard.server.jvmArgs=-XX:StartFlightRecording=filename=target/import.jfr}.
 */
public final class ImportBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";
    private static final String TEAM = "history@acme.test";
    private static final Instant FIRST_DATE = Instant.parse("2024-01-01T00:00:00Z");
    private static final double JIT_QUIET_CORES = 0.10;
    private static final int MAX_WARM_UP_ROUNDS = 8;

    /** One generated mail: what the JDBC floor writes for it. */
    private record Mail(String from, String subject, String messageId, String inReplyTo, String text, byte[] attachment, byte[] raw) {
    }

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        boolean fromArchive = args.length > 2 && args[2].equals("mbox"); // "imap" (the default) or "mbox"
        if (!Dovecot.installed()) {
            System.err.println("This benchmark measures against Dovecot: apt-get install dovecot-imapd");
            System.exit(2);
        }
        Path work = Path.of("target", "import-bench").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        Dovecot prepared = Dovecot.prepare(work.resolve("dovecot"), TEAM, "pw");
        Session session = Session.getInstance(new Properties());
        int warmupMails = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(1_000, mails / 2);
        List<Mail> warmupRound1 = generate(session, warmupMails, new Random(7), "w1-");
        writeFolder(prepared.folder("Warmup1"), warmupRound1, null);
        List<Mail> generated = generate(session, mails, new Random(42), "h");
        ByteArrayOutputStream mbox = fromArchive ? new ByteArrayOutputStream() : null;
        long bytes = writeFolder(prepared.folder("History"), generated, mbox);
        long replies = generated.stream().filter(m -> m.inReplyTo() != null).count();
        long team = generated.stream().filter(m -> m.from().equals(TEAM)).count();
        long attachments = generated.stream().filter(m -> m.attachment() != null).count();
        System.out.printf("Mailbox: %d mails, %.1f MB, %d replies (%d from the team), %d with an attachment; warm-up rounds of %d mails%n",
                mails, bytes / 1e6, replies, team, attachments, warmupMails);

        System.setProperty("switchboard.server.heap", "512m");
        try (Dovecot dovecot = prepared.start();
             TestDatabase database = TestDatabase.postgresql(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            double importRate;
            long peakHeap;
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                try (AutoCloseable statistics = database.analyzeLikeAutovacuum()) {
                    ApiClient api = new ApiClient(server.base(), ADMIN_PASSWORD);
                    long channelId = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"Benchmark history\"}").getJsonNumber("id").longValue();
                    String account = "{\"kind\":\"OTHER\",\"address\":\"" + TEAM + "\",\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + dovecot.port()
                            + ",\"security\":\"NONE\"},\"secret\":\"pw\"}";
                    if (api.send("PUT", "/api/v1/channels/" + channelId + "/email", account).statusCode() != 200) {
                        throw new IllegalStateException("cannot connect the mailbox");
                    }
                    JitActivity jit = new JitActivity(server.pid());
                    warmUp(api, channelId, chunk, jit, round -> {
                        if (round > 1) { // each round a folder of new mails: a folder already imported writes nothing
                            Path folder = prepared.folder("Warmup" + round);
                            writeFolder(folder, generate(session, warmupMails, new Random(7L + round), "w" + round + "-"), null);
                            dovecot.handOver(folder);
                        }
                        return "Warmup" + round;
                    });
                    double compiledBefore = jit.compilerSeconds();
                    String source = "\"source\":\"IMAP\",\"folders\":[\"History\"]";
                    if (fromArchive) {
                        var stored = api.http().post("/api/v1/imports/archives?name=history.mbox", "application/octet-stream", mbox.toByteArray(),
                                "Authorization", api.bearer());
                        source = "\"source\":\"ARCHIVE\",\"archiveId\":\"" + ApiClient.object(stored).getString("archiveId") + "\"";
                    }
                    HeapWatch heap = HeapWatch.of(server.pid());
                    long started = System.nanoTime();
                    JsonObject run = importAndWait(api, channelId, source, chunk);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    peakHeap = heap.stop();
                    importRate = run.getInt("written") / seconds;
                    System.out.printf("Import (warm): %s, %d written, %d skipped, %d tickets, %d contacts in %.1f s = %.0f mails/s"
                                    + " (the server's own report, from the job's start to its end: %.0f mails/s);"
                                    + " peak heap used %d MB of -Xmx512m; JIT compilers %.2f cores%n", run.getString("status"), run.getInt("written"),
                            run.getInt("skipped"), run.getInt("tickets"), run.getInt("contacts"), seconds, importRate,
                            run.getJsonNumber("perSecond").doubleValue(), peakHeap >> 20, (jit.compilerSeconds() - compiledBefore) / seconds);
                    long stored = attachmentsStored(database);
                    System.out.printf("Attachments stored: %d (the mailbox holds %d)%n", stored, attachments);
                }
            }
            if (fromArchive) {
                System.out.println("From an mbox archive: the writer alone; no floors for this mode. Machine: " + Percentiles.machine());
                return;
            }
            imapFloor(dovecot.port(), "Warmup1", warmupMails); // the floors warm too: a first pass untimed
            double imapRate = imapFloor(dovecot.port(), "History", mails);
            double jdbcRate = jdbcFloor(database, warmupRound1, generated, chunk);
            System.out.printf("IMAP fetch floor (ImapFolderSource, no processing): %.0f mails/s; import/floor %.2f%n", imapRate, importRate / imapRate);
            System.out.printf("JDBC floor (the same rows in batches of %d per transaction): %.0f mails/s; import/floor %.2f%n", chunk, jdbcRate,
                    importRate / jdbcRate);
            double serial = 1 / (1 / imapRate + 1 / jdbcRate);
            System.out.printf("Both floors one after the other (fetch, then write, no overlap): %.0f mails/s; import/that %.2f%n", serial, importRate / serial);
        }
        System.out.println("Machine: " + Percentiles.machine());
    }

    /** The next warm-up folder's name, its mails written first where needed. */
    private interface WarmupFolder {
        String prepare(int round) throws Exception;
    }

    /**
     * Imports warm-up folders of new mails until the server's JIT compilers are nearly idle (under
     * {@value #JIT_QUIET_CORES} of a core during a round; at most {@value #MAX_WARM_UP_ROUNDS} rounds).
     * JFR and top showed the C2 compiler still taking half a core of the two after one warm-up import
     * as large as the measured one: the import path runs much framework code, compiled late. A migration
     * of years of mail runs for many minutes, so its speed is the warm speed.
     */
    private static void warmUp(ApiClient api, long channelId, int chunk, JitActivity jit, WarmupFolder folders) throws Exception {
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            String folder = folders.prepare(round);
            double compiledBefore = jit.compilerSeconds();
            long started = System.nanoTime();
            JsonObject warm = importAndWait(api, channelId, "\"source\":\"IMAP\",\"folders\":[\"" + folder + "\"]", chunk);
            double compilerCores = (jit.compilerSeconds() - compiledBefore) / ((System.nanoTime() - started) / 1e9);
            System.out.printf("Warm-up import %d: %s, %d mails at %.0f mails/s; JIT compilers %.2f cores%n", round, warm.getString("status"),
                    warm.getInt("written"), warm.getJsonNumber("perSecond").doubleValue(), compilerCores);
            if (jit.available() && compilerCores < JIT_QUIET_CORES) {
                return;
            }
        }
    }

    private static JsonObject importAndWait(ApiClient api, long channelId, String source, int chunk) throws InterruptedException {
        long runId = api.create("/api/v1/imports/mailbox", "{\"channelId\":" + channelId + "," + source + ",\"chunkSize\":" + chunk + "}")
                .getJsonNumber("runId").longValue();
        JsonObject run;
        do {
            Thread.sleep(200);
            run = ApiClient.object(api.get("/api/v1/imports/" + runId));
        } while (!run.getString("status").equals("COMPLETED") && !run.getString("status").equals("FAILED"));
        return run;
    }

    /** Threads of customers' mails, about 30 % replies, a third of those the team's answers; sizes 1–200 KB, log-uniform. */
    private static List<Mail> generate(Session session, int count, Random random, String prefix) throws Exception {
        List<Mail> mails = new ArrayList<>(count);
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean reply = !roots.isEmpty() && random.nextDouble() < 0.3;
            Mail root = reply ? mails.get(roots.get(random.nextInt(roots.size()))) : null;
            String customer = root != null ? root.from() : prefix + "-sender" + random.nextInt(Math.max(1, count / 3)) + "@example.com";
            String from = reply && random.nextInt(3) == 0 ? TEAM : customer;
            String subject = root != null ? "Re: " + root.subject() : "Question " + prefix + i;
            String messageId = prefix + i + "." + random.nextInt(1_000_000) + "@" + (from.equals(TEAM) ? "acme.test" : "example.com");
            int size = (int) Math.round(Math.exp(Math.log(1_000) + random.nextDouble() * (Math.log(200_000) - Math.log(1_000))));
            byte[] attachment = random.nextInt(10) == 0 ? new byte[Math.min(size / 2, 80_000)] : null;
            if (attachment != null) {
                random.nextBytes(attachment);
            }
            int textLength = Math.max(200, size - (attachment == null ? 0 : attachment.length * 4 / 3));
            String text = ("Mail " + i + ". " + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(textLength / 57 + 1)).substring(0, textLength);
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", "<" + messageId + ">");
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(from.equals(TEAM) ? customer : TEAM));
            message.setSubject(subject);
            message.setSentDate(Date.from(FIRST_DATE.plusSeconds(i * 600L)));
            if (root != null) {
                message.setHeader("In-Reply-To", "<" + root.messageId() + ">");
                message.setHeader("References", "<" + root.messageId() + ">");
            }
            if (attachment != null) {
                MimeMultipart mixed = new MimeMultipart();
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text);
                mixed.addBodyPart(body);
                MimeBodyPart file = new MimeBodyPart();
                file.setContent(attachment, "application/octet-stream");
                file.setFileName("file" + i + ".bin");
                mixed.addBodyPart(file);
                message.setContent(mixed);
            } else {
                message.setText(text);
            }
            message.saveChanges();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            mails.add(new Mail(from, subject, messageId, root == null ? null : root.messageId(), text, attachment, raw.toByteArray()));
            if (root == null) {
                roots.add(i);
            }
        }
        return mails;
    }

    /** Into the Maildir folder, in order (Dovecot gives UIDs by file name order on the first scan); optionally also an mbox. */
    private static long writeFolder(Path cur, List<Mail> mails, OutputStream mbox) throws Exception {
        long bytes = 0;
        for (int i = 0; i < mails.size(); i++) {
            byte[] raw = mails.get(i).raw();
            Files.write(cur.resolve(String.format("%d.M%06dP1.bench,S=%d:2,S", 1_700_000_000L + i, i, raw.length)), raw);
            bytes += raw.length;
            if (mbox != null) {
                mbox.write(("From " + mails.get(i).from() + " Mon Jan  1 00:00:00 2024\n").getBytes(StandardCharsets.US_ASCII));
                mbox.write(new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replaceAll("(?m)^From ", ">From ")
                        .getBytes(StandardCharsets.ISO_8859_1));
                mbox.write('\n');
            }
        }
        return bytes;
    }

    private static long attachmentsStored(TestDatabase database) throws Exception {
        String url = database.environment().get("SWITCHBOARD_DB_URL");
        try (Connection c = DriverManager.getConnection(url, database.environment().get("SWITCHBOARD_DB_USER"), System.getenv("SWITCHBOARD_DB_PASSWORD"));
             Statement count = c.createStatement();
             var rows = count.executeQuery("SELECT COUNT(*) FROM attachments a JOIN messages m ON m.id = a.message_id"
                     + " WHERE m.subject LIKE '%Question h%'")) { // the measured folder's mails, not the warm-up's
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The import's own source class reading the same folder: the time IMAP itself takes. */
    private static double imapFloor(int port, String folder, int mails) throws Exception {
        EmailAccount account = new EmailAccount(EmailAccount.Kind.OTHER, TEAM, null, EmailAccount.FromNameMode.COMPANY, null, false, true,
                new EmailAccount.Server("127.0.0.1", port, EmailAccount.Security.NONE), null, EmailAccount.AuthMethod.PASSWORD,
                TEAM, null, folder, null, 60, null);
        long started = System.nanoTime();
        int read = 0;
        try (ImapFolderSource source = new ImapFolderSource(account, "pw", folder)) {
            source.open(null);
            for (MailSource.SourceMail mail = source.next(); mail != null; mail = source.next()) {
                read++;
            }
        }
        if (read != mails) {
            throw new IllegalStateException("the IMAP floor read " + read + " of " + mails);
        }
        return mails / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * The rows an import makes for these mails — a contact per new sender, a ticket and a
     * conversation per thread, a message per mail with its text, an attachment row per file —
     * written by plain JDBC batches, one transaction per chunk, into tables shaped like the real ones.
     */
    private static double jdbcFloor(TestDatabase database, List<Mail> warmup, List<Mail> mails, int chunk) throws Exception {
        String url = database.environment().get("SWITCHBOARD_DB_URL");
        try (Connection c = DriverManager.getConnection(url, database.environment().get("SWITCHBOARD_DB_USER"), System.getenv("SWITCHBOARD_DB_PASSWORD"));
             Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE floor_contacts (id BIGINT PRIMARY KEY, email VARCHAR(320) UNIQUE, created_at TIMESTAMPTZ)");
            ddl.execute("CREATE TABLE floor_tickets (id BIGINT PRIMARY KEY, subject VARCHAR(500), contact_id BIGINT, created_at TIMESTAMPTZ)");
            ddl.execute("CREATE TABLE floor_conversations (id BIGINT PRIMARY KEY, ticket_id BIGINT, thread_key VARCHAR(500) UNIQUE)");
            ddl.execute("CREATE TABLE floor_messages (id BIGINT PRIMARY KEY, conversation_id BIGINT, external_id VARCHAR(500) UNIQUE,"
                    + " channel_message_id VARCHAR(500), subject VARCHAR(500), body TEXT, sent_at TIMESTAMPTZ)");
            ddl.execute("CREATE INDEX floor_messages_mid_ix ON floor_messages (channel_message_id)");
            ddl.execute("CREATE TABLE floor_attachments (id BIGINT PRIMARY KEY, message_id BIGINT, filename VARCHAR(300), content BYTEA)");
            if (compressesWithLz4(c)) { // as migration V20 makes the real columns
                ddl.execute("ALTER TABLE floor_messages ALTER COLUMN body SET COMPRESSION lz4");
                ddl.execute("ALTER TABLE floor_attachments ALTER COLUMN content SET COMPRESSION lz4");
            }
            c.setAutoCommit(false);
            AtomicLong ids = new AtomicLong();
            writeRows(c, warmup, chunk, ids); // untimed: the same JIT and table warmth as the import's measured run
            long started = System.nanoTime();
            writeRows(c, mails, chunk, ids);
            double seconds = (System.nanoTime() - started) / 1e9;
            ddl.execute("DROP TABLE floor_attachments, floor_messages, floor_conversations, floor_tickets, floor_contacts");
            c.commit();
            return mails.size() / seconds;
        }
    }

    /** Whether the import's message bodies are compressed with lz4 here (migration V20 on a PostgreSQL that offers it). */
    private static boolean compressesWithLz4(Connection c) throws java.sql.SQLException {
        try (Statement query = c.createStatement();
             var row = query.executeQuery("SELECT attcompression FROM pg_attribute WHERE attrelid = 'messages'::regclass AND attname = 'body_text'")) {
            return row.next() && "l".equals(row.getString(1));
        }
    }

    /** One pass of the JDBC floor's rows, a transaction per chunk. */
    private static void writeRows(Connection c, List<Mail> mails, int chunk, AtomicLong ids) throws java.sql.SQLException {
        Map<String, Long> threadOf = new java.util.HashMap<>();
        Set<String> senders = new HashSet<>();
        try (PreparedStatement contact = c.prepareStatement("INSERT INTO floor_contacts VALUES (?, ?, ?)");
             PreparedStatement ticket = c.prepareStatement("INSERT INTO floor_tickets VALUES (?, ?, ?, ?)");
             PreparedStatement conversation = c.prepareStatement("INSERT INTO floor_conversations VALUES (?, ?, ?)");
             PreparedStatement message = c.prepareStatement("INSERT INTO floor_messages VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement attachment = c.prepareStatement("INSERT INTO floor_attachments VALUES (?, ?, ?, ?)")) {
            int inChunk = 0;
            for (Mail mail : mails) {
                Timestamp now = Timestamp.from(Instant.now());
                Long thread = mail.inReplyTo() == null ? null : threadOf.get(mail.inReplyTo());
                if (!mail.from().equals(TEAM) && senders.add(mail.from())) {
                    contact.setLong(1, ids.incrementAndGet());
                    contact.setString(2, mail.from());
                    contact.setTimestamp(3, now);
                    contact.addBatch();
                }
                if (thread == null) {
                    thread = ids.incrementAndGet();
                    ticket.setLong(1, thread);
                    ticket.setString(2, mail.subject());
                    ticket.setLong(3, thread);
                    ticket.setTimestamp(4, now);
                    ticket.addBatch();
                    conversation.setLong(1, thread);
                    conversation.setLong(2, thread);
                    conversation.setString(3, "id:" + mail.messageId());
                    conversation.addBatch();
                }
                threadOf.put(mail.messageId(), thread);
                long messageId = ids.incrementAndGet();
                message.setLong(1, messageId);
                message.setLong(2, thread);
                message.setString(3, mail.messageId());
                message.setString(4, mail.messageId());
                message.setString(5, mail.subject());
                message.setString(6, mail.text());
                message.setTimestamp(7, now);
                message.addBatch();
                if (mail.attachment() != null) {
                    attachment.setLong(1, ids.incrementAndGet());
                    attachment.setLong(2, messageId);
                    attachment.setString(3, "file.bin");
                    attachment.setBytes(4, mail.attachment());
                    attachment.addBatch();
                }
                if (++inChunk == chunk) {
                    writeBatch(c, contact, ticket, conversation, message, attachment);
                    inChunk = 0;
                }
            }
            writeBatch(c, contact, ticket, conversation, message, attachment);
        }
    }

    private static void writeBatch(Connection c, PreparedStatement... inserts) throws java.sql.SQLException {
        for (PreparedStatement insert : inserts) {
            insert.executeBatch();
        }
        c.commit();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The server's heap in use, sampled twice a second by one long-running {@code jstat -gc <pid> 500}
     * (one process: starting a JVM per sample would itself load the two cores): the peak over the measured import.
     */
    private static final class HeapWatch {
        private final Process jstat;
        private final Thread reader;
        private final AtomicLong peak = new AtomicLong();

        private HeapWatch(Process jstat) {
            this.jstat = jstat;
            this.reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
                    String[] head = null;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String[] fields = line.trim().split("\\s+");
                        if (fields.length > 0 && fields[0].equals("S0C")) {
                            head = fields;
                            continue;
                        }
                        if (head == null || fields.length != head.length) {
                            continue;
                        }
                        double kb = 0;
                        for (int i = 0; i < head.length; i++) {
                            if (head[i].equals("S0U") || head[i].equals("S1U") || head[i].equals("EU") || head[i].equals("OU")) {
                                kb += Double.parseDouble(fields[i]);
                            }
                        }
                        peak.accumulateAndGet((long) (kb * 1024), Math::max);
                    }
                } catch (java.io.IOException | NumberFormatException stopped) {
                    // the process was stopped
                }
            }, "heap-watch");
            reader.setDaemon(true);
            reader.start();
        }

        static HeapWatch of(long pid) throws java.io.IOException {
            return new HeapWatch(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc", Long.toString(pid), "500")
                    .redirectErrorStream(true).start());
        }

        long stop() throws InterruptedException {
            jstat.destroy();
            reader.join(2_000);
            return peak.get();
        }
    }
}
