package org.switchboard.bench;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
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
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.switchboard.channels.email.control.EmailAccount;
import org.switchboard.imports.control.ImapFolderSource;
import org.switchboard.imports.control.MailSource;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.ServerProcess;
import org.switchboard.testing.TestDatabase;

/**
 * mailbox-import throughput: 10,000 mails (mixed sizes, every tenth with an attachment) in a
 * GreenMail IMAP folder, imported into PostgreSQL by Switchboard started as the README does with a
 * 512 MB heap. Then the raw floor: the same IMAP fetch plus a plain JDBC batch insert of the same
 * rows (contact, ticket, conversation, message per mail). Goal: ≥ 1,000 mails/s, ratio ≥ 0.5.
 *
 * <pre>
 * mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) org.switchboard.bench.ImportBenchmark [mails] [chunk] [mbox]
 * </pre>
 */
public final class ImportBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-password";

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        // "mbox": the same mails from an uploaded mbox archive instead of IMAP: the writer's own ceiling, no mail server in the way
        boolean fromArchive = args.length > 2 && args[2].equals("mbox");
        int imapPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            imapPort = socket.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", "imap"));
        mail.start();
        String address = "history@acme.test";
        GreenMailUser user = mail.setUser(address, address, "pw");
        Session session = Session.getInstance(new Properties());
        Random random = new Random(42);
        long bytes = 0;
        ByteArrayOutputStream mbox = new ByteArrayOutputStream();
        // straight into GreenMail's store: appending 10,000 mails over IMAP would take minutes
        com.icegreen.greenmail.store.MailFolder folder = mail.getManagers().getImapHostManager().createMailbox(user, "History");
        for (int i = 0; i < mails; i++) {
            MimeMessage message = message(session, address, i, random);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            bytes += out.size();
            if (fromArchive) {
                mbox.write(("From sender" + (i % 3000) + "@example.com Mon Jan  1 00:00:00 2024\n").getBytes(StandardCharsets.US_ASCII));
                mbox.write(out.toString(StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replaceAll("(?m)^From ", ">From ")
                        .getBytes(StandardCharsets.ISO_8859_1));
                mbox.write('\n');
            }
            folder.appendMessage(message, new jakarta.mail.Flags(), message.getSentDate());
        }
        System.out.printf("Mailbox: %d mails, %.1f MB%n", mails, bytes / 1e6);
        Path work = Files.createTempDirectory("switchboard-import-bench");
        System.setProperty("switchboard.server.heap", "512m");
        double importRate;
        AutoCloseable statistics = () -> { };
        try (TestDatabase database = TestDatabase.postgresql(work.resolve("data"))) {
            Map<String, String> env = database.environment();
            env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try (ServerProcess server = ServerProcess.start(env, work.resolve("server.log"))) {
                server.awaitHealthy(Duration.ofSeconds(180));
                statistics = database.analyzeLikeAutovacuum(); // after the migrations: never in their way
                ApiClient api = new ApiClient(server.base(), ADMIN_PASSWORD);
                long channelId = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"Benchmark history\"}").getJsonNumber("id").longValue();
                String account = "{\"kind\":\"OTHER\",\"address\":\"" + address + "\",\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + imapPort
                        + ",\"security\":\"NONE\"},\"secret\":\"pw\"}";
                if (api.send("PUT", "/api/v1/channels/" + channelId + "/email", account).statusCode() != 200) {
                    throw new IllegalStateException("cannot connect the mailbox");
                }
                String source = "\"source\":\"IMAP\",\"folders\":[\"History\"]";
                if (fromArchive) {
                    var stored = api.http().post("/api/v1/imports/archives?name=history.mbox", "application/octet-stream", mbox.toByteArray(),
                            "Authorization", api.bearer());
                    source = "\"source\":\"ARCHIVE\",\"archiveId\":\"" + ApiClient.object(stored).getString("archiveId") + "\"";
                }
                long started = System.nanoTime();
                long execution = api.create("/api/v1/imports/mailbox", "{\"channelId\":" + channelId + "," + source + ",\"chunkSize\":" + chunk + "}")
                        .getJsonNumber("runId").longValue();
                JsonObject run;
                do {
                    Thread.sleep(200);
                    run = ApiClient.object(api.get("/api/v1/imports/" + execution));
                } while (!run.getString("status").equals("COMPLETED") && !run.getString("status").equals("FAILED"));
                double seconds = (System.nanoTime() - started) / 1e9;
                importRate = run.getInt("written") / seconds;
                System.out.printf("Import: %s, %d written, %d skipped, %d tickets in %.1f s = %.0f mails/s (server heap -Xmx512m)%n",
                        run.getString("status"), run.getInt("written"), run.getInt("skipped"), run.getInt("tickets"), seconds, importRate);
            }
            if (fromArchive) {
                System.out.println("From an mbox archive: the writer's own ceiling; no floor for this mode. Machine: " + Percentiles.machine());
                statistics.close();
                return;
            }
            double floorRate = rawFloor(imapPort, address, mails);
            System.out.printf("Raw floor (IMAP fetch + JDBC batch insert of the same rows): %.0f mails/s; ratio %.2f%n", floorRate, importRate / floorRate);
            statistics.close();
        } finally {
            mail.stop();
        }
        System.out.println("Machine: " + Percentiles.machine());
    }

    private static MimeMessage message(Session session, String address, int i, Random random) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender" + (i % 3000) + "@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject("History " + i);
        message.setSentDate(Date.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 600L)));
        String text = "Mail " + i + ". " + "Lorem ipsum dolor sit amet. ".repeat(20 + random.nextInt(700));
        if (i % 10 == 0) {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text);
            mixed.addBodyPart(body);
            MimeBodyPart file = new MimeBodyPart();
            byte[] content = new byte[20_000 + random.nextInt(60_000)];
            random.nextBytes(content);
            file.setContent(content, "application/octet-stream");
            file.setFileName("file" + i + ".bin");
            mixed.addBodyPart(file);
            message.setContent(mixed);
        } else {
            message.setText(text);
        }
        message.saveChanges();
        return message;
    }

    /** The same mails read by the same source class, and their rows written by plain JDBC in batches of 200 per transaction. */
    private static double rawFloor(int imapPort, String address, int mails) throws Exception {
        String url = System.getenv().getOrDefault("SWITCHBOARD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("SWITCHBOARD_DB_USER", "postgres");
        try (Connection c = DriverManager.getConnection(url, user, System.getenv("SWITCHBOARD_DB_PASSWORD"));
             Statement ddl = c.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS floor_messages, floor_conversations, floor_tickets, floor_contacts");
            ddl.execute("CREATE TABLE floor_contacts (id BIGINT PRIMARY KEY, email VARCHAR(320) UNIQUE, created_at TIMESTAMPTZ)");
            ddl.execute("CREATE TABLE floor_tickets (id BIGINT PRIMARY KEY, subject VARCHAR(500), contact_id BIGINT, created_at TIMESTAMPTZ)");
            ddl.execute("CREATE TABLE floor_conversations (id BIGINT PRIMARY KEY, ticket_id BIGINT, thread_key VARCHAR(500) UNIQUE)");
            ddl.execute("CREATE TABLE floor_messages (id BIGINT PRIMARY KEY, conversation_id BIGINT, external_id VARCHAR(500) UNIQUE, body TEXT, raw BYTEA)");
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long fetchNanos = 0;
            EmailAccount account = new EmailAccount(EmailAccount.Kind.OTHER, address, null, EmailAccount.FromNameMode.COMPANY, null, false, true,
                    new EmailAccount.Server("127.0.0.1", imapPort, EmailAccount.Security.NONE), null, EmailAccount.AuthMethod.PASSWORD,
                    address, null, "History", null, 60, null);
            Session parsing = Session.getInstance(new Properties());
            // the import's own source class, so both sides fetch exactly alike and the ratio measures the writing
            try (ImapFolderSource source = new ImapFolderSource(account, "pw", "History");
                 PreparedStatement contact = c.prepareStatement("INSERT INTO floor_contacts VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING");
                 PreparedStatement ticket = c.prepareStatement("INSERT INTO floor_tickets VALUES (?, ?, ?, ?)");
                 PreparedStatement conversation = c.prepareStatement("INSERT INTO floor_conversations VALUES (?, ?, ?)");
                 PreparedStatement message = c.prepareStatement("INSERT INTO floor_messages VALUES (?, ?, ?, ?, ?)")) {
                source.open(null);
                long id = 0;
                int inBatch = 0;
                while (true) {
                    long fetchStart = System.nanoTime();
                    MailSource.SourceMail mail = source.next();
                    fetchNanos += System.nanoTime() - fetchStart;
                    if (mail == null) {
                        break;
                    }
                    MimeMessage m = new MimeMessage(parsing, new java.io.ByteArrayInputStream(mail.raw()));
                    id++;
                    Timestamp now = Timestamp.from(Instant.now());
                    contact.setLong(1, id);
                    contact.setString(2, m.getFrom()[0].toString());
                    contact.setTimestamp(3, now);
                    contact.addBatch();
                    ticket.setLong(1, id);
                    ticket.setString(2, m.getSubject());
                    ticket.setLong(3, id);
                    ticket.setTimestamp(4, now);
                    ticket.addBatch();
                    conversation.setLong(1, id);
                    conversation.setLong(2, id);
                    conversation.setString(3, "t" + id);
                    conversation.addBatch();
                    message.setLong(1, id);
                    message.setLong(2, id);
                    message.setString(3, "m" + id);
                    Object content = m.getContent();
                    message.setString(4, content instanceof String text ? text : "(multipart)");
                    message.setBytes(5, content instanceof String ? null : mail.raw());
                    message.addBatch();
                    if (++inBatch == 200) {
                        writeFloorBatch(c, contact, ticket, conversation, message);
                        inBatch = 0;
                    }
                }
                writeFloorBatch(c, contact, ticket, conversation, message);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  of which reading the folder (GreenMail serving the fetches): %.1f s of %.1f s%n", fetchNanos / 1e9, seconds);
            ddl.execute("DROP TABLE floor_messages, floor_conversations, floor_tickets, floor_contacts");
            c.commit();
            return mails / seconds;
        }
    }

    private static void writeFloorBatch(Connection c, PreparedStatement... inserts) throws java.sql.SQLException {
        for (PreparedStatement insert : inserts) {
            insert.executeBatch();
        }
        c.commit();
    }
}
