package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;


import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.testing.ServerLog;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.MailServers;

/**
 * The mailbox-import job through the operators' API, against GreenMail's IMAP over TCP and
 * uploaded archives: threading and original dates kept, the closing rule, dry runs that write
 * nothing, bad mails skipped and reported, mbox / Maildir / .eml archives, stop and restart with
 * exact counts, and one run per source at a time.
 */
@ExtendWith(ArquillianExtension.class)
class ImportIT {

    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SWITCHBOARD_ADMIN_PASSWORD", "it-admin-password");
    static MailServers mail;
    static int imapPort;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL deployed;

    ApiClient api;

    @BeforeAll
    static void startMail() throws Exception {
        mail = MailServers.start();
        imapPort = mail.imapPort();
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(URI.create("http://127.0.0.1:" + deployed.getPort() + "/"), ADMIN_PASSWORD);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A channel whose IMAP account is a fresh GreenMail user; live mail comes from INBOX (left empty). */
    record Box(long channelId, String address) {
    }

    Box box() {
        String address = unique("history") + "@acme.test";
        mail.mailbox(address, "pw");
        long id = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"" + unique("History") + "\"}").getJsonNumber("id").longValue();
        HttpResponse<String> connected = api.send("PUT", "/api/v1/channels/" + id + "/email", "{\"kind\":\"OTHER\",\"address\":\"" + address
                + "\",\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + imapPort + ",\"security\":\"NONE\"},\"secret\":\"pw\"}");
        assertEquals(200, connected.statusCode(), connected.body());
        return new Box(id, address);
    }

    static MimeMessage mime(String from, String to, String subject, String text, Instant date, String messageId, String inReplyTo) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text);
        message.setSentDate(Date.from(date));
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", "<" + inReplyTo + ">");
            message.setHeader("References", "<" + inReplyTo + ">");
        }
        message.saveChanges();
        return message;
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static void append(Box box, String folderName, List<MimeMessage> messages) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imapPort, box.address(), "pw");
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            folder.appendMessages(messages.toArray(Message[]::new));
        }
    }

    long start(String json) {
        HttpResponse<String> started = api.post("/api/v1/imports/mailbox", json);
        assertEquals(202, started.statusCode(), started.body());
        return ApiClient.object(started).getJsonNumber("runId").longValue();
    }

    JsonObject run(long executionId) {
        return ApiClient.object(api.get("/api/v1/imports/" + executionId));
    }

    /** Waits for one of the statuses; a run that ends otherwise fails the test at once, quoting the server's errors. */
    JsonObject awaitStatus(long executionId, String... statuses) throws InterruptedException {
        ServerLog log = ServerLog.mark();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<String> ended = List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
        while (System.nanoTime() < deadline) {
            JsonObject run = run(executionId);
            String status = run.getString("status");
            if (List.of(statuses).contains(status)) {
                return run;
            }
            if (ended.contains(status)) {
                fail("Import " + executionId + " ended " + status + ", not " + String.join("/", statuses) + ": " + run
                        + "\nThe server logged:\n" + log.problems());
            }
            Thread.sleep(250);
        }
        fail("Import " + executionId + " did not reach " + String.join("/", statuses) + ": " + run(executionId)
                + "\nThe server logged:\n" + log.problems());
        return null;
    }

    List<JsonObject> tickets(long channelId) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.getJsonArray("items").forEach(t -> all.add(t.asJsonObject()));
            cursor = !page.containsKey("nextCursor") || page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    /**
     * A folder with a thread (the team's answer carrying a file), a recent mail and an automatic
     * reply that answers nothing: a dry run at the smallest chunk size predicts exactly what the
     * real run makes, and lists what it would skip; the real run reports the contacts it created;
     * importing the folder again writes nothing and says so; a later folder's closing rule applies
     * to its own tickets only.
     */
    @Test
    void aFolderIsImportedWithThreadsDatesAndTheClosingRuleAndADryRunWritesNothing() throws Exception {
        Box box = box();
        Instant old = Instant.parse("2020-03-01T10:00:00Z");
        Instant recent = Instant.now().minus(Duration.ofDays(2));
        String rootId = unique("root") + "@example.com";
        String anna = unique("anna") + "@example.com";
        String bert = unique("bert") + "@example.com";
        MimeMessage answer = mime(box.address(), anna, "Re: Old order question", "On its way.", old.plusSeconds(3600), unique("ans") + "@acme.test", rootId);
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
        body.setText("On its way. The delivery note is attached.");
        jakarta.mail.internet.MimeBodyPart note = new jakarta.mail.internet.MimeBodyPart();
        note.setContent("%PDF-1.4 delivery note".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        note.setFileName("delivery-note.pdf");
        parts.addBodyPart(body);
        parts.addBodyPart(note);
        answer.setContent(parts);
        answer.saveChanges();
        MimeMessage outOfOffice = mime(unique("away") + "@example.com", box.address(), "Automatic reply: away", "I am away.", recent, unique("auto") + "@example.com", null);
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.saveChanges();
        append(box, "Archive", List.of(
                mime(anna, box.address(), "Old order question", "Where is it?", old, rootId, null),
                answer,
                mime(anna, box.address(), "Re: Old order question", "Got it, thanks.", old.plusSeconds(7200), unique("thx") + "@example.com", rootId),
                mime(bert, box.address(), "Recent problem", "Help!", recent, unique("recent") + "@example.com", null),
                outOfOffice));
        String request = "{\"channelId\":" + box.channelId() + ",\"source\":\"IMAP\",\"folders\":[\"Archive\"],\"closeAfterDays\":365";

        long dry = start(request + ",\"dryRun\":true,\"chunkSize\":1}"); // each mail its own chunk, each chunk rolled back
        JsonObject dryRun = awaitStatus(dry, "COMPLETED");
        assertEquals(4, dryRun.getInt("written"), dryRun.toString());
        assertEquals(2, dryRun.getInt("tickets"), "the answers join their thread's ticket: " + dryRun);
        assertEquals(2, dryRun.getInt("contacts"), "anna and bert would be new contacts, anna once: " + dryRun);
        assertEquals(1, dryRun.getInt("skipped"), dryRun.toString());
        String dryReport = api.get("/api/v1/imports/" + dry + "/report").body();
        assertTrue(dryReport.contains("Automatic mail"), "the dry run lists what it would skip, with the reason: " + dryReport);
        assertTrue(tickets(box.channelId()).isEmpty(), "a dry run writes nothing");

        long real = start(request + "}");
        JsonObject done = awaitStatus(real, "COMPLETED");
        assertEquals(4, done.getInt("written"), done.toString());
        assertEquals(2, done.getInt("tickets"), done.toString());
        assertEquals(2, done.getInt("contacts"), "the contacts the import created are counted: " + done);
        assertEquals(1, done.getInt("skipped"), done.toString());
        HttpResponse<String> stopFinished = api.post("/api/v1/imports/" + real + "/stop", "{}");
        assertEquals(409, stopFinished.statusCode(), "a finished run cannot be stopped: " + stopFinished.body());
        assertTrue(stopFinished.body().contains("not running"), stopFinished.body());
        List<JsonObject> imported = tickets(box.channelId());
        assertEquals(2, imported.size());
        JsonObject oldTicket = imported.stream().filter(t -> t.getString("subject").equals("Old order question")).findFirst().orElseThrow();
        assertEquals("IMPORT", oldTicket.getString("source"));
        assertEquals(old, Instant.parse(oldTicket.getString("createdAt")), "the ticket keeps the first mail's date");
        assertTrue(oldTicket.getBoolean("closed"), "last message older than 365 days: closed by the rule");
        JsonObject detail = ApiClient.object(api.get("/api/v1/tickets/" + oldTicket.getJsonNumber("id").longValue()));
        JsonArray messages = detail.getJsonArray("messages");
        assertEquals(3, messages.size(), "the whole thread in one ticket");
        assertEquals(List.of("INBOUND", "OUTBOUND", "INBOUND"), messages.stream().map(m -> m.asJsonObject().getString("direction")).toList());
        JsonArray teamFiles = messages.getJsonObject(1).getJsonArray("attachments");
        assertEquals(1, teamFiles.size(), "the team's own attachment is kept: " + messages.getJsonObject(1));
        assertEquals("delivery-note.pdf", teamFiles.getJsonObject(0).getString("filename"));
        JsonObject recentTicket = imported.stream().filter(t -> t.getString("subject").equals("Recent problem")).findFirst().orElseThrow();
        assertFalse(recentTicket.getBoolean("closed"));
        assertFalse(recentTicket.containsKey("ownerId"), "imported tickets are not routed");

        long again = start(request + "}");
        JsonObject repeated = awaitStatus(again, "COMPLETED");
        assertEquals(2, tickets(box.channelId()).size(), "importing the same folder again adds nothing: " + repeated);
        assertEquals(0, repeated.getInt("written"), "and says so: " + repeated);
        assertEquals(0, repeated.getInt("tickets"), repeated.toString());
        assertEquals(0, repeated.getInt("contacts"), repeated.toString());
        assertEquals(4, repeated.getInt("alreadyImported"), repeated.toString());

        // another folder into the same channel, with a stricter rule: it applies to what this import brings, not to the earlier import's tickets
        String carl = unique("carl") + "@example.com";
        append(box, "Later", List.of(mime(carl, box.address(), "Three days ago", "Hello?", Instant.now().minus(Duration.ofDays(3)),
                unique("later") + "@example.com", null)));
        long later = start("{\"channelId\":" + box.channelId() + ",\"source\":\"IMAP\",\"folders\":[\"Later\"],\"closeAfterDays\":1}");
        awaitStatus(later, "COMPLETED");
        List<JsonObject> afterLater = tickets(box.channelId());
        assertTrue(afterLater.stream().filter(t -> t.getString("subject").equals("Three days ago")).findFirst().orElseThrow().getBoolean("closed"),
                "the later import's own ticket is closed by its rule: " + afterLater);
        assertFalse(afterLater.stream().filter(t -> t.getString("subject").equals("Recent problem")).findFirst().orElseThrow().getBoolean("closed"),
                "the earlier import's open ticket, which the later import did not touch, stays as its own import left it: " + afterLater);
    }

    @Test
    void archivesInEveryFormatAreImportedAndBadMailIsSkippedAndReported() throws Exception {
        Box box = box();
        Instant date = Instant.now().minus(Duration.ofDays(1));
        // mbox with a quoted ">From " line inside a body
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            mbox.append("From sender").append(i).append("@example.com Mon Nov 23 10:00:00 2026\n");
            mbox.append(new String(bytes(mime("sender" + i + "@example.com", box.address(), "Mbox mail " + i, "Line one\n>From the start\nend", date,
                    unique("mbox") + "@example.com", null)), StandardCharsets.UTF_8).replace("\r\n", "\n")).append("\n");
        }
        long mboxRun = start(archiveRequest(box, upload("history.mbox", mbox.toString().getBytes(StandardCharsets.UTF_8))));
        awaitStatus(mboxRun, "COMPLETED");
        List<JsonObject> afterMbox = tickets(box.channelId());
        assertEquals(3, afterMbox.size());
        long first = afterMbox.stream().filter(t -> t.getString("subject").equals("Mbox mail 0")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        String text = ApiClient.object(api.get("/api/v1/tickets/" + first)).getJsonArray("messages").getJsonObject(0).getString("text");
        assertTrue(text.contains("\nFrom the start"), "one level of >From quoting removed: " + text);

        byte[] maildir = zip(List.of("Maildir/cur/1.host:2,S", "Maildir/new/2.host", "Maildir/tmp/3.host"),
                List.of(bytes(mime("m1@example.com", box.address(), "Maildir cur", "x", date, unique("md") + "@x", null)),
                        bytes(mime("m2@example.com", box.address(), "Maildir new", "x", date, unique("md") + "@x", null)),
                        bytes(mime("m3@example.com", box.address(), "Maildir tmp", "x", date, unique("md") + "@x", null))));
        awaitStatus(start(archiveRequest(box, upload("maildir.zip", maildir))), "COMPLETED");
        Set<String> subjects = new HashSet<>(tickets(box.channelId()).stream().map(t -> t.getString("subject")).toList());
        assertTrue(subjects.containsAll(Set.of("Maildir cur", "Maildir new")), subjects.toString());
        assertFalse(subjects.contains("Maildir tmp"), "tmp/ holds mail still being delivered");

        byte[] emls = zip(List.of("a-good.eml", "b-bad.eml", "c-good.eml"),
                List.of(bytes(mime("e1@example.com", box.address(), "Eml one", "x", date, unique("eml") + "@x", null)),
                        "Subject: nobody sent this\r\n\r\nno sender at all".getBytes(StandardCharsets.US_ASCII),
                        bytes(mime("e2@example.com", box.address(), "Eml two", "x", date, unique("eml") + "@x", null))));
        long emlRun = start(archiveRequest(box, upload("eml.zip", emls)));
        JsonObject done = awaitStatus(emlRun, "COMPLETED");
        assertEquals(2, done.getInt("written"), done.toString());
        assertEquals(1, done.getInt("skipped"), done.toString());
        JsonArray report = ApiClient.array(api.get("/api/v1/imports/" + emlRun + "/report"));
        assertEquals(1, report.size());
        assertEquals("b-bad.eml", report.getJsonObject(0).getString("position"));
        assertTrue(report.getJsonObject(0).getString("reason").contains("sender"), report.toString());
        String csv = api.http().get("/api/v1/imports/" + emlRun + "/report.csv", "Authorization", api.bearer()).body();
        assertTrue(csv.startsWith("part,position,reason,at") && csv.contains("\"b-bad.eml\""), csv);
    }

    @Test
    void aCustomerWithYearsOfMailHasAllOfItImportedNotHeldAsAFlood() throws Exception {
        Box box = box();
        String loyal = unique("loyal") + "@example.com";
        Instant first = Instant.now().minus(Duration.ofDays(400));
        int mails = 75; // more than the live limit of 60 new tickets per sender and hour
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < mails; i++) {
            mbox.append("From ").append(loyal).append(" Mon Nov 23 10:00:00 2026\n");
            mbox.append(new String(bytes(mime(loyal, box.address(), "Order question " + i, "About order " + i, first.plus(Duration.ofDays(5L * i)),
                    unique("order") + "@example.com", null)), StandardCharsets.UTF_8).replace("\r\n", "\n")).append("\n");
        }
        JsonObject done = awaitStatus(start(archiveRequest(box, upload("loyal.mbox", mbox.toString().getBytes(StandardCharsets.UTF_8)))), "COMPLETED");
        assertEquals(mails, done.getInt("written"), done.toString());
        assertEquals(mails, done.getInt("tickets"), done.toString());
        assertEquals(0, done.getInt("skipped"), done.toString());
        List<JsonObject> imported = tickets(box.channelId());
        assertEquals(mails, imported.size(), "every historical question is a ticket of its own");
        assertEquals(1, imported.stream().map(t -> t.getJsonNumber("contactId").longValue()).distinct().count(),
                "all on one contact: " + imported.get(0));
    }

    @Test
    void anOperatorRunsADryRunFromTheConsoleAndWatchesItFinish() throws Exception {
        Box box = box();
        String channelName = ApiClient.object(api.get("/api/v1/channels/" + box.channelId())).getString("name");
        Instant date = Instant.now().minus(Duration.ofDays(1));
        java.nio.file.Path archive = java.nio.file.Files.createTempFile("console", ".zip");
        java.nio.file.Files.write(archive, zip(List.of("one.eml", "two.eml"),
                List.of(bytes(mime("c1@example.com", box.address(), "Console one", "x", date, unique("c") + "@x", null)),
                        bytes(mime("c2@example.com", box.address(), "Console two", "x", date, unique("c") + "@x", null)))));
        try (org.switchboard.testing.Browser browser = new org.switchboard.testing.Browser()) {
            org.openqa.selenium.WebDriver page = importsPageSignedIn(browser);
            new org.openqa.selenium.support.ui.Select(page.findElement(org.openqa.selenium.By.id("start:channel"))).selectByVisibleText(channelName);
            page.findElements(org.openqa.selenium.By.cssSelector("input[name='start:source']")).stream()
                    .filter(radio -> "ARCHIVE".equals(radio.getAttribute("value"))).findFirst().orElseThrow().click();
            page.findElement(org.openqa.selenium.By.id("start:archive")).sendKeys(archive.toAbsolutePath().toString());
            page.findElement(org.openqa.selenium.By.id("start:dryRun")).click();
            page.findElement(org.openqa.selenium.By.id("start:submit")).click();
            browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("messages"), "started"));
            // the newest run is the first row; the page refreshes it every two seconds
            String newest = browser.waiting(Duration.ofSeconds(60)).until(driver -> {
                String row = driver.findElement(org.openqa.selenium.By.cssSelector("[id='runs:table'] tbody tr")).getText();
                return row.contains("COMPLETED") ? row : null;
            });
            assertTrue(newest.contains("dry run") && newest.contains("2 of 2 read"), newest);
            browser.screenshot("operations-imports");
        }
        assertTrue(tickets(box.channelId()).isEmpty(), "the dry run wrote nothing");
    }

    @Test
    void aSharedInboxMovesToTheHelpDeskWithItsHistoryAndADryRunChangesNothing() throws Exception {
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Inbox") + "\",\"destination\":\"SHARED_INBOX\"}");
        long channelId = channel.getJsonNumber("id").longValue();
        String key = channel.getString("key");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> posted = api.post("/api/v1/channels/" + key + "/messages", "{\"externalId\":\"" + unique("m") + "\",\"from\":{\"email\":\""
                    + unique("inbox") + "@example.com\"},\"subject\":\"Inbox thread " + i + "\",\"text\":\"Hello\"}");
            assertEquals(202, posted.statusCode(), posted.body());
            assertFalse(ApiClient.object(posted).containsKey("ticketId"), "a shared inbox makes conversations only");
        }
        String request = "{\"channelId\":" + channelId + ",\"history\":true";
        HttpResponse<String> dry = api.post("/api/v1/imports/inbox-migration", request + ",\"dryRun\":true}");
        assertEquals(202, dry.statusCode(), dry.body());
        JsonObject dryRun = awaitStatus(ApiClient.object(dry).getJsonNumber("runId").longValue(), "COMPLETED");
        assertEquals(3, dryRun.getInt("tickets"), dryRun.toString());
        assertTrue(tickets(channelId).isEmpty(), "a dry run moves nothing");
        assertEquals("SHARED_INBOX", ApiClient.object(api.get("/api/v1/channels/" + channelId)).getString("destination"));

        HttpResponse<String> real = api.post("/api/v1/imports/inbox-migration", request + "}");
        JsonObject done = awaitStatus(ApiClient.object(real).getJsonNumber("runId").longValue(), "COMPLETED");
        assertEquals(3, done.getInt("tickets"), done.toString());
        assertEquals(3, tickets(channelId).size(), "each historical conversation got its ticket");
        assertEquals("HELP_DESK", ApiClient.object(api.get("/api/v1/channels/" + channelId)).getString("destination"));
        HttpResponse<String> live = api.post("/api/v1/channels/" + key + "/messages", "{\"externalId\":\"" + unique("m") + "\",\"from\":{\"email\":\""
                + unique("live") + "@example.com\"},\"subject\":\"After the move\",\"text\":\"Hi\"}");
        assertTrue(ApiClient.object(live).containsKey("ticketId"), "from now on conversations make tickets");

        HttpResponse<String> again = api.post("/api/v1/imports/inbox-migration", request + "}");
        JsonObject repeat = awaitStatus(ApiClient.object(again).getJsonNumber("runId").longValue(), "COMPLETED");
        assertEquals(4, tickets(channelId).size(), "a second migration keeps the tickets there are: " + repeat);
    }

    /**
     * A website chat connected to a shared inbox keeps its visitors' conversations without tickets;
     * the move gives each its ticket with the whole conversation, and a visitor who writes again
     * afterwards lands on that ticket, in the same place of the same conversation.
     */
    @Test
    void aWebsiteChatInASharedInboxMovesIntoTheHelpDeskWithItsConversations() throws Exception {
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CHAT\",\"name\":\"" + unique("Inbox chat") + "\",\"destination\":\"SHARED_INBOX\"}");
        long channelId = channel.getJsonNumber("id").longValue();
        String chat = "/api/v1/inbound/chat/" + channel.getString("key") + "/";
        org.switchboard.testing.HttpSession visitor = new org.switchboard.testing.HttpSession(api.http().uri("/"));
        List<String> tokens = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            String token = ApiClient.object(visitor.postJson(chat + "session", "{}")).getString("token");
            tokens.add(token);
            for (int m = 1; m <= 2; m++) {
                HttpResponse<String> sent = visitor.postJson(chat + "messages", "{\"token\":\"" + token + "\",\"clientId\":\"v" + v + "m" + m
                        + "\",\"text\":\"Visitor " + v + " line " + m + "\"}");
                assertEquals(200, sent.statusCode(), sent.body());
                assertEquals(m, ApiClient.object(sent).getInt("seq"));
            }
        }
        assertTrue(tickets(channelId).isEmpty(), "a shared inbox makes conversations, not tickets");

        HttpResponse<String> move = api.post("/api/v1/imports/inbox-migration", "{\"channelId\":" + channelId + ",\"history\":true}");
        JsonObject done = awaitStatus(ApiClient.object(move).getJsonNumber("runId").longValue(), "COMPLETED");
        assertEquals(2, done.getInt("tickets"), done.toString());
        List<JsonObject> moved = tickets(channelId);
        assertEquals(2, moved.size(), moved.toString());
        long first = moved.stream().filter(t -> t.getString("subject").equals("Visitor 0 line 1")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertEquals(List.of("Visitor 0 line 1", "Visitor 0 line 2"), texts(first));

        HttpResponse<String> later = visitor.postJson(chat + "messages", "{\"token\":\"" + tokens.get(0) + "\",\"clientId\":\"v0m3\",\"text\":\"Still there?\"}");
        assertEquals(3, ApiClient.object(later).getInt("seq"), later.body());
        assertEquals(List.of("Visitor 0 line 1", "Visitor 0 line 2", "Still there?"), texts(first), "the visitor goes on in the moved ticket");
        assertEquals(2, tickets(channelId).size());
    }

    private List<String> texts(long ticketId) {
        return ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("text")).toList();
    }

    /**
     * A form connected to a shared inbox gathers submissions as conversations; the operator moves it
     * into the help desk from Operations → Imports, and each earlier submission gets its ticket with
     * the form's hidden ticket fields.
     */
    @Test
    void aFormsSharedInboxMovesIntoTheHelpDeskFromTheConsoleWithItsSubmissions() throws Exception {
        JsonObject form = api.create("/api/v1/forms", "{\"name\":\"" + unique("Quote request") + "\",\"fields\":["
                + "{\"name\":\"name\",\"kind\":\"TEXT\",\"label\":{\"en\":\"Name\"},\"required\":true},"
                + "{\"name\":\"email\",\"kind\":\"EMAIL\",\"label\":{\"en\":\"Email\"},\"required\":true},"
                + "{\"name\":\"message\",\"kind\":\"TEXTAREA\",\"label\":{\"en\":\"Message\"},\"required\":true}]}");
        JsonObject connected = ApiClient.object(api.post("/api/v1/forms/" + form.getInt("id") + "/connection",
                "{\"destination\":\"SHARED_INBOX\",\"ticketFields\":{\"priority\":\"HIGH\",\"nameTemplate\":\"Quote: {{contact.name}}\"}}"));
        assertEquals("SHARED_INBOX", connected.getString("destination"), connected.toString());
        long channelId = connected.getJsonNumber("channelId").longValue();
        String channelName = ApiClient.object(api.get("/api/v1/channels/" + channelId)).getString("name");

        org.switchboard.testing.HttpSession visitor = new org.switchboard.testing.HttpSession(api.http().uri("/"));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"sb_token\" value=\"([^\"]+)\"")
                    .matcher(visitor.get("/forms/" + form.getString("key")).body());
            assertTrue(token.find());
            tokens.add(token.group(1));
        }
        Thread.sleep(1100); // the test server's minimum fill time
        String client = "192.0.2." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 2; i++) {
            String body = "sb_token=" + java.net.URLEncoder.encode(tokens.get(i), StandardCharsets.UTF_8) + "&name=Buyer+" + i
                    + "&email=" + unique("buyer") + "%40example.com&message=Price+for+" + (i + 1) + "0+seats";
            HttpResponse<String> sent = visitor.post("/forms/" + form.getString("key"), "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.UTF_8), "X-Forwarded-For", client); // a client of its own: the address limits count the last hour
            assertEquals(303, sent.statusCode(), sent.body());
        }
        assertTrue(tickets(channelId).isEmpty(), "a shared inbox makes conversations, not tickets");

        try (org.switchboard.testing.Browser browser = new org.switchboard.testing.Browser()) {
            org.openqa.selenium.WebDriver page = importsPageSignedIn(browser);
            org.openqa.selenium.support.ui.Select inboxes = new org.openqa.selenium.support.ui.Select(page.findElement(org.openqa.selenium.By.id("move:inboxChannel")));
            inboxes.getOptions().stream().filter(o -> o.getText().startsWith(channelName)).findFirst().orElseThrow(
                    () -> new AssertionError("the form's channel is offered: " + page.findElement(org.openqa.selenium.By.id("move:inboxChannel")).getText())).click();
            assertTrue(page.findElement(org.openqa.selenium.By.id("move:history")).isSelected(), "history is moved unless the operator says otherwise");
            page.findElement(org.openqa.selenium.By.id("move:startMove")).click();
            browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("messages"), "started"));
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("document.getElementById('move').scrollIntoView();");
            browser.screenshot("operations-imports-move");
            new org.openqa.selenium.support.ui.Select(page.findElement(org.openqa.selenium.By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("move"), "Historian kanssa"));
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("document.getElementById('move').scrollIntoView();");
            browser.screenshot("operations-imports-move-fi");
            new org.openqa.selenium.support.ui.Select(page.findElement(org.openqa.selenium.By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("move"), "With history"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tickets(channelId).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        List<JsonObject> moved = tickets(channelId);
        assertEquals(2, moved.size(), "each submission got its ticket: " + moved);
        assertTrue(moved.stream().allMatch(t -> "HIGH".equals(t.getString("priority")) && t.getString("subject").startsWith("Quote: Buyer ")),
                "with the form's hidden ticket fields: " + moved);
        assertEquals("HELP_DESK", ApiClient.object(api.get("/api/v1/forms/" + form.getInt("id"))).getString("destination"));
    }

    /** Operations → Imports in Chromium, signed in as the admin. */
    org.openqa.selenium.WebDriver importsPageSignedIn(org.switchboard.testing.Browser browser) {
        org.openqa.selenium.WebDriver page = browser.driver();
        page.get(URI.create("http://127.0.0.1:" + deployed.getPort() + "/operations/imports.xhtml").toString());
        browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login.xhtml"));
        page.findElement(org.openqa.selenium.By.id("login:username")).sendKeys("admin");
        page.findElement(org.openqa.selenium.By.id("login:password")).sendKeys(ADMIN_PASSWORD);
        page.findElement(org.openqa.selenium.By.id("login:submit")).click();
        browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/operations/imports.xhtml"));
        return page;
    }

    String upload(String name, byte[] content) {
        HttpResponse<String> stored = api.http().post("/api/v1/imports/archives?name=" + name, "application/octet-stream", content,
                "Authorization", api.bearer());
        assertEquals(201, stored.statusCode(), stored.body());
        return ApiClient.object(stored).getString("archiveId");
    }

    static String archiveRequest(Box box, String archiveId) {
        return "{\"channelId\":" + box.channelId() + ",\"source\":\"ARCHIVE\",\"archiveId\":\"" + archiveId + "\"}";
    }

    static byte[] zip(List<String> names, List<byte[]> contents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(contents.get(i));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aStoppedImportRestartsWhereItStoppedWithExactCountsAndOneRunPerSource() throws Exception {
        Box box = box();
        int total = 600;
        List<MimeMessage> messages = new ArrayList<>();
        Instant date = Instant.now().minus(Duration.ofDays(3));
        String senders = unique("bulk"); // new senders on every run: the test counts the contacts the import creates
        for (int i = 0; i < total; i++) {
            messages.add(mime(senders + "-" + i + "@example.com", box.address(), "Bulk " + i, "Mail " + i, date, unique("bulk") + "@example.com", null));
        }
        append(box, "Big", messages);
        String request = "{\"channelId\":" + box.channelId() + ",\"source\":\"IMAP\",\"folders\":[\"Big\"],\"chunkSize\":10}";
        long first = start(request);
        HttpResponse<String> twice = api.post("/api/v1/imports/mailbox", request);
        assertEquals(409, twice.statusCode(), "the same source twice at once: " + twice.body());

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (run(first).getInt("read") < 50 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        api.post("/api/v1/imports/" + first + "/stop", "{}");
        JsonObject stopped = awaitStatus(first, "STOPPED", "COMPLETED");
        assertEquals("STOPPED", stopped.getString("status"), "stopped in the middle: " + stopped);
        assertTrue(stopped.getInt("read") < total, stopped.toString());

        HttpResponse<String> restarted = api.post("/api/v1/imports/" + first + "/restart", "{}");
        assertEquals(202, restarted.statusCode(), restarted.body());
        long second = ApiClient.object(restarted).getJsonNumber("runId").longValue();
        JsonObject done = awaitStatus(second, "COMPLETED");
        List<JsonObject> imported = tickets(box.channelId());
        assertEquals(total, imported.size(), "exactly one ticket per mail: " + done);
        assertEquals(total, new HashSet<>(imported.stream().map(t -> t.getString("subject")).toList()).size());
        int firstWrote = run(first).getInt("written");
        assertEquals(total - firstWrote, done.getInt("written"), "the restarted run reports its own work: " + done);
        assertEquals(firstWrote, done.getInt("alreadyImported"), "and what the run before it wrote: " + done);
        assertEquals(total, run(first).getInt("contacts") + done.getInt("contacts"), "every new sender counted once as a new contact");
        assertEquals("COMPLETED", done.getString("status"));
    }
}
