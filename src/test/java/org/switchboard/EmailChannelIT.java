package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
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
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.MailServers;
import org.switchboard.testing.RefusingSmtpServer;

/**
 * The team email channel against GreenMail's real IMAP and SMTP servers over TCP: connecting
 * (with precise errors), mail in → ticket → reply out with the right headers → the contact's
 * answer threads back, dropped headers, duplicates, UIDVALIDITY change and refetch, automatic
 * mail and bounces, forwarded mail in both settings, header injection, and the MIME corpus
 * through the forwarding endpoint.
 */
@ExtendWith(ArquillianExtension.class)
class EmailChannelIT {

    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SWITCHBOARD_ADMIN_PASSWORD", "it-admin-password");
    static final String CUSTOMER = "customer@example.com";
    static final Duration WAIT = Duration.ofSeconds(30);

    static MailServers mail;
    static int smtpPort;
    static int imapPort;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL deployed;

    ApiClient api;

    @BeforeAll
    static void startMailServers() throws Exception {
        mail = MailServers.start();
        smtpPort = mail.smtpPort();
        imapPort = mail.imapPort();
        mail.mailbox(CUSTOMER, "customer-pw");
    }

    @AfterAll
    static void stopMailServers() {
        mail.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(URI.create("http://127.0.0.1:" + deployed.getPort() + "/"), ADMIN_PASSWORD);
    }

    // ---- helpers ---------------------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A team email channel on a fresh GreenMail mailbox; returns {channel, address}. */
    record Mailbox(long channelId, String key, String address) {
    }

    Mailbox mailbox(String extraJson) {
        String address = unique("support") + "@acme.test";
        mail.mailbox(address, "mailbox-pw");
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"" + unique("Support mail") + "\"}");
        long id = channel.getJsonNumber("id").longValue();
        HttpResponse<String> connected = api.send("PUT", "/api/v1/channels/" + id + "/email", accountJson(address, "mailbox-pw", imapPort, extraJson));
        assertEquals(200, connected.statusCode(), connected.body());
        return new Mailbox(id, channel.getString("key"), address);
    }

    static String accountJson(String address, String password, int imap, String extraJson) {
        return "{\"kind\":\"OTHER\",\"address\":\"" + address + "\",\"companyName\":\"Acme\",\"fromNameMode\":\"AGENT_AND_COMPANY\","
                + "\"signature\":\"Best regards,\\n{{agent.fullName}}\\nAcme support\",\"pollSeconds\":5,"
                + "\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + imap + ",\"security\":\"NONE\"},"
                + "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":" + smtpPort + ",\"security\":\"NONE\"},"
                + "\"username\":\"" + address + "\",\"secret\":\"" + password + "\"" + (extraJson == null ? "" : "," + extraJson) + "}";
    }

    static void send(MimeMessage message) throws Exception {
        Transport.send(message, message.getAllRecipients());
    }

    static MimeMessage newMail(String from, String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(smtpProperties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        return message;
    }

    static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("Timed out waiting for " + what);
        return null;
    }

    JsonArray tickets(long channelId) {
        return ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId + "&limit=100")).getJsonArray("items");
    }

    JsonObject ticket(long ticketId) {
        return ApiClient.object(api.get("/api/v1/tickets/" + ticketId));
    }

    JsonObject awaitTicket(long channelId, String subject) {
        return await("a ticket \"" + subject + "\"", () -> tickets(channelId).stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("subject").contains(subject)).findFirst().orElse(null));
    }

    JsonArray messagesOf(long ticketId) {
        return ticket(ticketId).getJsonArray("messages");
    }

    long agentReply(long ticketId, String text) {
        HttpResponse<String> reply = api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"" + text + "\"}");
        assertEquals(202, reply.statusCode(), reply.body());
        return ApiClient.object(reply).getJsonNumber("id").longValue();
    }

    HttpResponse<String> forward(Mailbox box, String token, byte[] raw) {
        return api.http().post("/api/v1/inbound/email/" + box.key(), "message/rfc822", raw, "Authorization", "Bearer " + token);
    }

    String inboundToken(Mailbox box) {
        return api.create("/api/v1/channels/" + box.channelId() + "/email/inbound-token", "{}").getString("token");
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    // ---- tests -------------------------------------------------------------------------------

    @Test
    void mailBecomesATicketTheReplyGoesOutAndTheAnswerThreadsBack() throws Exception {
        Mailbox box = mailbox(null);
        api.create("/api/v1/users", "{\"username\":\"" + unique("maria") + "\",\"fullName\":\"Maria Virtanen\",\"roles\":[\"AGENT\"],"
                + "\"paidSeat\":true,\"password\":\"maria-password\"}");
        String subject = unique("Printer on fire");
        MimeMessage first = newMail(CUSTOMER, box.address(), subject, "Help, the printer burns.");
        first.setHeader("From", "Aino Customer <" + CUSTOMER + ">");
        send(first);
        JsonObject ticket = awaitTicket(box.channelId(), subject);
        long ticketId = ticket.getJsonNumber("id").longValue();
        long number = ticket.getJsonNumber("number").longValue();
        String firstId = messagesOf(ticketId).getJsonObject(0).getString("channelMessageId");
        assertEquals(first.getMessageID(), "<" + firstId + ">");

        agentReply(ticketId, "We are on it.");
        MimeMessage out = mail.awaitDelivered(CUSTOMER, "[#" + number + "]", WAIT);
        assertEquals("Re: " + subject + " [#" + number + "]", out.getSubject());
        InternetAddress from = (InternetAddress) out.getFrom()[0];
        assertEquals(box.address(), from.getAddress());
        assertTrue(from.getPersonal().endsWith(" at Acme"), from.getPersonal());
        assertEquals(first.getMessageID(), out.getHeader("In-Reply-To", null));
        assertTrue(out.getHeader("References", null).contains(first.getMessageID()));
        String body = new String(out.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("We are on it.") && body.contains("Best regards,") && body.contains("Acme support"), body);
        JsonObject sent = await("the reply marked sent", () -> messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("direction").equals("OUTBOUND") && m.getString("deliveryState").equals("SENT")).findFirst().orElse(null));
        assertEquals(out.getMessageID(), "<" + sent.getString("channelMessageId") + ">");

        MimeMessage answer = newMail(CUSTOMER, box.address(), "Re: " + subject, "Thanks, it is out now.");
        answer.setHeader("In-Reply-To", out.getMessageID());
        answer.setHeader("References", first.getMessageID() + " " + out.getMessageID());
        send(answer);
        await("the answer on the same ticket", () -> messagesOf(ticketId).size() == 3 ? true : null);
        assertEquals(1, tickets(box.channelId()).size(), "no second ticket");
    }

    /** A form names the team email channel that answers it: the reply is an email, and the submitter's answer threads back. */
    @Test
    void aFormSubmissionIsAnsweredByEmailAndTheAnswerThreadsBackToItsTicket() throws Exception {
        Mailbox box = mailbox(null);
        JsonObject form = api.create("/api/v1/forms", "{\"name\":\"" + unique("Quote request") + "\",\"fields\":["
                + "{\"name\":\"email\",\"kind\":\"EMAIL\",\"label\":{\"en\":\"Email\"},\"required\":true},"
                + "{\"name\":\"message\",\"kind\":\"TEXTAREA\",\"label\":{\"en\":\"What do you need?\"},\"required\":true}]}");
        JsonObject connected = ApiClient.object(api.post("/api/v1/forms/" + form.getInt("id") + "/connection",
                "{\"replyChannelId\":" + box.channelId() + "}"));
        assertEquals(box.channelId(), connected.getJsonNumber("replyChannelId").longValue(), connected.toString());
        long formChannel = connected.getJsonNumber("channelId").longValue();
        HttpResponse<String> notEmail = api.send("PUT", "/api/v1/forms/" + form.getInt("id") + "/replies", "{\"replyChannelId\":" + formChannel + "}");
        assertEquals(400, notEmail.statusCode(), "a form cannot answer through itself: " + notEmail.body());

        String page = api.http().get("/forms/" + form.getString("key")).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"sb_token\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), page);
        Thread.sleep(1100);
        String body = "sb_token=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&email=" + CUSTOMER
                + "&message=" + java.net.URLEncoder.encode("Ten chairs, please", StandardCharsets.UTF_8);
        assertEquals(303, api.http().post("/forms/" + form.getString("key"), "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8)).statusCode());
        JsonObject ticket = await("the form's ticket", () -> tickets(formChannel).stream().map(JsonValue::asJsonObject).findFirst().orElse(null));
        long ticketId = ticket.getJsonNumber("id").longValue();
        long number = ticket.getJsonNumber("number").longValue();

        agentReply(ticketId, "Ten chairs cost 400 euros.");
        MimeMessage out = mail.awaitDelivered(CUSTOMER, "[#" + number + "]", WAIT);
        assertEquals(box.address(), ((InternetAddress) out.getFrom()[0]).getAddress(), "answered from the team address");
        MimeMessage answer = newMail(CUSTOMER, box.address(), "Re: " + out.getSubject(), "Deal, send them.");
        answer.setHeader("In-Reply-To", out.getMessageID());
        send(answer);
        await("the answer on the form's ticket", () -> messagesOf(ticketId).size() == 3 ? true : null);
        assertEquals(0, tickets(box.channelId()).size(), "no ticket of its own on the email channel");
    }

    /**
     * A chat outside its opening hours says it is away; the visitor leaves an address and a message,
     * the agent's reply is an email from the team email channel the chat names, and the answer
     * threads back to the chat's ticket.
     */
    @Test
    void aChatVisitorWhoWritesWhileTheTeamIsAwayIsAnsweredByEmailAndTheAnswerThreadsBack() throws Exception {
        Mailbox box = mailbox(null);
        JsonObject chat = api.create("/api/v1/channels", "{\"type\":\"CHAT\",\"name\":\"" + unique("Shop chat") + "\"}");
        long chatId = chat.getJsonNumber("id").longValue();
        String notToday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).getDayOfWeek().plus(3).name();
        HttpResponse<String> wrongChannel = api.send("PUT", "/api/v1/channels/" + chatId + "/chat", "{\"replyChannelId\":" + chatId + "}");
        assertEquals(400, wrongChannel.statusCode(), "a chat cannot answer by email through itself: " + wrongChannel.body());
        assertTrue(wrongChannel.body().contains("replyChannelId"), wrongChannel.body());
        HttpResponse<String> badHours = api.send("PUT", "/api/v1/channels/" + chatId + "/chat", "{\"hours\":[{\"day\":\"MONDAY\",\"opens\":\"16:00\",\"closes\":\"08:00\"}]}");
        assertEquals(400, badHours.statusCode());
        assertTrue(badHours.body().contains("hours[0].closes"), badHours.body());
        assertEquals(200, api.send("PUT", "/api/v1/channels/" + chatId + "/chat", "{\"timeZone\":\"Europe/Helsinki\",\"replyChannelId\":" + box.channelId()
                + ",\"hours\":[{\"day\":\"" + notToday + "\",\"opens\":\"08:00\",\"closes\":\"16:00\"}]}").statusCode());

        String widget = "/api/v1/inbound/chat/" + chat.getString("key") + "/";
        org.switchboard.testing.HttpSession visitor = new org.switchboard.testing.HttpSession(api.http().uri("/"));
        JsonObject session = ApiClient.object(visitor.postJson(widget + "session", "{}"));
        assertFalse(session.getBoolean("available"), "outside the opening hours the chat is away");
        String token = session.getString("token");
        HttpResponse<String> noAddress = visitor.postJson(widget + "messages", "{\"token\":\"" + token + "\",\"clientId\":\"a1\",\"text\":\"Hello?\",\"away\":true}");
        assertEquals(400, noAddress.statusCode());
        assertTrue(noAddress.body().contains("replyEmail"), noAddress.body());
        assertEquals(200, visitor.postJson(widget + "messages", "{\"token\":\"" + token + "\",\"clientId\":\"a1\",\"text\":\"Do you ship to Inari?\",\"away\":true,\"replyEmail\":\""
                + CUSTOMER + "\"}").statusCode());
        JsonObject ticket = await("the chat's ticket", () -> tickets(chatId).stream().map(JsonValue::asJsonObject).findFirst().orElse(null));
        long ticketId = ticket.getJsonNumber("id").longValue();
        assertTrue(messagesOf(ticketId).getJsonObject(0).getString("notes").contains("answer goes by email to " + CUSTOMER));

        agentReply(ticketId, "Yes, we ship to Inari.");
        MimeMessage out = mail.awaitDelivered(CUSTOMER, "[#" + ticket.getJsonNumber("number").longValue() + "]", WAIT);
        assertEquals(box.address(), ((InternetAddress) out.getFrom()[0]).getAddress(), "answered from the team address");
        MimeMessage answer = newMail(CUSTOMER, box.address(), "Re: " + out.getSubject(), "Great, ordering now.");
        answer.setHeader("In-Reply-To", out.getMessageID());
        send(answer);
        await("the answer on the chat's ticket", () -> messagesOf(ticketId).size() == 3 ? true : null);
        assertEquals(0, tickets(box.channelId()).size(), "no ticket of its own on the email channel");
    }

    @Test
    void aReplyWithoutThreadHeadersFindsItsTicketByTheSubjectTagButOnlyForItsContact() throws Exception {
        Mailbox box = mailbox(null);
        String subject = unique("Invoice question");
        send(newMail(CUSTOMER, box.address(), subject, "Why is it so high?"));
        JsonObject ticket = awaitTicket(box.channelId(), subject);
        long number = ticket.getJsonNumber("number").longValue();
        long ticketId = ticket.getJsonNumber("id").longValue();
        send(newMail(CUSTOMER, box.address(), "RE: " + subject + " [#" + number + "]", "Outlook dropped the headers."));
        await("the tagged mail on the ticket", () -> messagesOf(ticketId).size() == 2 ? true : null);

        String stranger = unique("stranger") + "@example.net";
        send(newMail(stranger, box.address(), "Re: [#" + number + "] let me in", "I am not the contact."));
        JsonObject own = awaitTicket(box.channelId(), "let me in");
        assertNotEquals(ticketId, own.getJsonNumber("id").longValue(), "a stranger's tag opens a ticket of their own");
        assertEquals(2, messagesOf(ticketId).size());
    }

    @Test
    void duplicateDeliveriesMakeOneMessageAndTheSameMessageIdWithOtherContentIsKept() throws Exception {
        Mailbox box = mailbox(null);
        String subject = unique("Twice delivered");
        byte[] raw = bytes(newMail(CUSTOMER, box.address(), subject, "Once only, please."));
        MimeMessage original = new KeepIdMessage(raw);
        send(original);
        send(new KeepIdMessage(raw)); // the same mail again over SMTP: a second copy in the mailbox
        JsonObject ticket = awaitTicket(box.channelId(), subject);
        long ticketId = ticket.getJsonNumber("id").longValue();
        Thread.sleep(2000);
        assertEquals(1, messagesOf(ticketId).size(), "the second copy is recognised");

        String token = inboundToken(box);
        HttpResponse<String> piped = forward(box, token, raw);
        assertEquals(200, piped.statusCode(), "the MTA's copy of the same mail: " + piped.body());

        MimeMessage sameIdOtherText = newMail(CUSTOMER, box.address(), subject, "Different words under the same Message-ID.");
        sameIdOtherText.saveChanges();
        sameIdOtherText.setHeader("Message-ID", original.getMessageID());
        HttpResponse<String> other = api.http().post("/api/v1/inbound/email/" + box.key(), "message/rfc822", bytesKeepingId(sameIdOtherText),
                "Authorization", "Bearer " + token);
        assertEquals(202, other.statusCode(), other.body());
        assertEquals(2, messagesOf(ticketId).size(), "same Message-ID, other content: a new message, not dropped");
    }

    /** A mail re-sent as it is: Jakarta Mail would otherwise give it a new Message-ID on every send. */
    static final class KeepIdMessage extends MimeMessage {
        KeepIdMessage(byte[] raw) throws Exception {
            super(Session.getInstance(smtpProperties()), new java.io.ByteArrayInputStream(raw));
        }

        @Override
        protected void updateMessageID() {
            // keep the Message-ID the mail has
        }
    }

    static Properties smtpProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        return properties;
    }

    static byte[] bytesKeepingId(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void aChangedUidValidityRereadsTheFolderWithoutDuplicates() throws Exception {
        String address = unique("uid") + "@acme.test";
        mail.mailbox(address, "mailbox-pw");
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MimeMessage message = newMail(CUSTOMER, address, unique("Folder mail " + i), "Number " + i);
            message.saveChanges();
            mails.add(message);
        }
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, "mailbox-pw");
            Folder support = store.getFolder("Support");
            support.create(Folder.HOLDS_MESSAGES);
            support.appendMessages(new Message[]{mails.get(0), mails.get(1)});
        }
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"" + unique("Folder mail") + "\"}");
        long channelId = channel.getJsonNumber("id").longValue();
        HttpResponse<String> connected = api.send("PUT", "/api/v1/channels/" + channelId + "/email", accountJson(address, "mailbox-pw", imapPort, "\"folder\":\"Support\""));
        assertEquals(200, connected.statusCode(), connected.body());
        await("two tickets", () -> tickets(channelId).size() == 2 ? true : null);
        long firstValidity = ApiClient.object(api.get("/api/v1/channels/" + channelId + "/email")).getJsonObject("sync").getJsonNumber("uidValidity").longValue();

        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, "mailbox-pw");
            Folder support = store.getFolder("Support");
            support.delete(true);
            Thread.sleep(5); // UIDVALIDITY comes from the clock
            support.create(Folder.HOLDS_MESSAGES);
            support.appendMessages(new Message[]{mails.get(0), mails.get(1), mails.get(2)});
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (tickets(channelId).size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        JsonObject sync = ApiClient.object(api.get("/api/v1/channels/" + channelId + "/email")).getJsonObject("sync");
        assertNotEquals(firstValidity, sync.getJsonNumber("uidValidity").longValue(), "the new folder was noticed");
        Thread.sleep(1000);
        JsonArray all = tickets(channelId);
        assertEquals(3, all.size(), "the two known mails were recognised, the new one taken in: " + all);
        for (JsonValue t : all) {
            assertEquals(1, messagesOf(t.asJsonObject().getJsonNumber("id").longValue()).size());
        }
    }

    @Test
    void mailsWaitingInTheMailboxAreTakenInTogetherAndMovedToTheMoveToFolder() throws Exception {
        String address = unique("move") + "@acme.test";
        mail.mailbox(address, "mailbox-pw");
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            MimeMessage message = newMail(CUSTOMER, address, unique("Waiting mail " + i), "Number " + i);
            message.saveChanges();
            mails.add(message);
        }
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, "mailbox-pw");
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(mails.toArray(Message[]::new));
            // the same mail twice in one pass is still one message
            inbox.appendMessages(new Message[]{mails.get(0)});
            store.getFolder("Done").create(Folder.HOLDS_MESSAGES);
        }
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"" + unique("Move mail") + "\"}");
        long channelId = channel.getJsonNumber("id").longValue();
        HttpResponse<String> connected = api.send("PUT", "/api/v1/channels/" + channelId + "/email", accountJson(address, "mailbox-pw", imapPort, "\"moveToFolder\":\"Done\""));
        assertEquals(200, connected.statusCode(), connected.body());
        await("twelve tickets", () -> tickets(channelId).size() == 12 ? true : null);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, "mailbox-pw");
            await("the inbox emptied", () -> count(store, "INBOX") == 0 ? true : null);
            assertEquals(13, count(store, "Done"), "every mail taken in was moved, the copy too");
        }
        Thread.sleep(1000);
        JsonArray all = tickets(channelId);
        assertEquals(12, all.size(), "one ticket per mail, none twice: " + all);
        for (JsonValue t : all) {
            assertEquals(1, messagesOf(t.asJsonObject().getJsonNumber("id").longValue()).size());
        }
    }

    static int count(Store store, String folderName) {
        try {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return count;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPermanentSmtpRefusalFailsTheReplyAtOnceWithTheServersText() throws Exception {
        Mailbox box = mailbox(null);
        String subject = unique("Unknown recipient");
        send(newMail(CUSTOMER, box.address(), subject, "Please answer."));
        long ticketId = awaitTicket(box.channelId(), subject).getJsonNumber("id").longValue();
        try (RefusingSmtpServer refusing = new RefusingSmtpServer("550 5.1.1 <" + CUSTOMER + ">: Recipient address rejected: User unknown in virtual mailbox table")) {
            String refusingAccount = accountJson(box.address(), "mailbox-pw", imapPort, "\"testConnection\":false")
                    .replace("\"port\":" + smtpPort + ",", "\"port\":" + refusing.port() + ",");
            assertEquals(200, api.send("PUT", "/api/v1/channels/" + box.channelId() + "/email", refusingAccount).statusCode());
            agentReply(ticketId, "Here is your answer.");
            JsonObject failed = await("the reply failed", () -> messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                    .filter(m -> m.getString("direction").equals("OUTBOUND") && m.getString("deliveryState").equals("FAILED")).findFirst().orElse(null));
            assertTrue(failed.getString("deliveryError").contains("550 5.1.1") && failed.getString("deliveryError").contains("User unknown"),
                    failed.getString("deliveryError"));
            Thread.sleep(6000); // past the 2 s retry base and a schedule round: a permanent refusal is not retried
            assertEquals(1, refusing.refusedRecipients(), "one attempt only");
            assertTrue(ticket(ticketId).getJsonArray("timeline").stream().map(JsonValue::asJsonObject)
                    .anyMatch(e -> e.getString("type").equals("MESSAGE_FAILED") && e.getString("detail", "").contains("550 5.1.1")));
        } finally {
            api.send("PUT", "/api/v1/channels/" + box.channelId() + "/email", accountJson(box.address(), "mailbox-pw", imapPort, null));
        }
    }

    @Test
    void aFailedSendIsShownOnTheMessageRetriedAndSentOnce() throws Exception {
        Mailbox box = mailbox(null);
        String subject = unique("Send later");
        send(newMail(CUSTOMER, box.address(), subject, "Please answer."));
        long ticketId = awaitTicket(box.channelId(), subject).getJsonNumber("id").longValue();
        int deadSmtp = MailServers.freePort();
        String broken = accountJson(box.address(), "mailbox-pw", imapPort, "\"testConnection\":false")
                .replace("\"port\":" + smtpPort + ",", "\"port\":" + deadSmtp + ",");
        assertEquals(200, api.send("PUT", "/api/v1/channels/" + box.channelId() + "/email", broken).statusCode());
        agentReply(ticketId, "Here is your answer.");
        JsonObject failing = await("the failed attempt on the message", () -> messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("direction").equals("OUTBOUND") && m.containsKey("deliveryError")).findFirst().orElse(null));
        assertEquals("PENDING", failing.getString("deliveryState"), "it will be tried again");
        assertTrue(failing.getString("deliveryError").contains("host unreachable"), failing.getString("deliveryError"));

        assertEquals(200, api.send("PUT", "/api/v1/channels/" + box.channelId() + "/email", accountJson(box.address(), "mailbox-pw", imapPort, null)).statusCode());
        await("the retry sent", () -> messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("direction").equals("OUTBOUND") && m.getString("deliveryState").equals("SENT")).findFirst().orElse(null));
        Thread.sleep(3000);
        long copies = Arrays.stream(mail.received()).filter(m -> {
            try {
                return m.getSubject().contains(subject);
            } catch (Exception e) {
                return false;
            }
        }).count();
        assertEquals(2, copies, "the contact's mail and exactly one reply reached the server");
    }

    @Test
    void anAwayContactOwnerIsToldByEmailThatATicketWaits() throws Exception {
        String ownerEmail = unique("owner") + "@acme-staff.test";
        mail.mailbox(ownerEmail, "x");
        long ownerId = api.create("/api/v1/users", "{\"username\":\"" + unique("owner") + "\",\"fullName\":\"Olli Owner\",\"email\":\""
                + ownerEmail + "\",\"roles\":[\"AGENT\"],\"paidSeat\":true,\"availability\":\"AWAY\"}").getJsonNumber("id").longValue();
        Mailbox box = mailbox(null);
        String contactEmail = unique("owned") + "@example.com";
        send(newMail(contactEmail, box.address(), unique("First contact"), "Hello"));
        long contactId = awaitTicket(box.channelId(), "First contact").getJsonNumber("contactId").longValue();
        assertEquals(200, api.send("PUT", "/api/v1/contacts/" + contactId + "/owner", "{\"ownerId\":" + ownerId + "}").statusCode());
        JsonObject channel = ApiClient.object(api.get("/api/v1/channels/" + box.channelId()));
        HttpResponse<String> routed = api.send("PUT", "/api/v1/channels/" + box.channelId(), "{\"type\":\"TEAM_EMAIL\",\"name\":\""
                + channel.getString("name") + "\",\"routing\":{\"mode\":\"CONTACT_OWNER\",\"availableOnly\":true},\"version\":"
                + channel.getJsonNumber("version").longValue() + "}");
        assertEquals(200, routed.statusCode(), routed.body());

        String subject = unique("Owner away");
        send(newMail(contactEmail, box.address(), subject, "Is my owner there?"));
        JsonObject ticket = awaitTicket(box.channelId(), subject);
        assertFalse(ticket.containsKey("ownerId"), "the owner is away and available-only is on: unassigned");
        MimeMessage notice = mail.awaitDelivered(ownerEmail, "[#" + ticket.getJsonNumber("number").longValue() + "]", WAIT);
        assertTrue(notice.getSubject().contains("waits for you"), notice.getSubject());
        assertEquals("auto-generated", notice.getHeader("Auto-Submitted", null));
    }

    @Test
    void connectingNamesTheProblemPrecisely() throws Exception {
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"" + unique("Broken mail") + "\"}");
        long id = channel.getJsonNumber("id").longValue();
        String address = unique("broken") + "@acme.test";
        mail.mailbox(address, "right-pw");
        HttpResponse<String> wrongPassword = api.send("PUT", "/api/v1/channels/" + id + "/email", accountJson(address, "wrong-pw", imapPort, null));
        assertEquals(422, wrongPassword.statusCode(), wrongPassword.body());
        assertTrue(wrongPassword.body().contains("authentication failed"), wrongPassword.body());

        HttpResponse<String> closedPort = api.send("PUT", "/api/v1/channels/" + id + "/email", accountJson(address, "right-pw", MailServers.freePort(), null));
        assertTrue(closedPort.body().contains("host unreachable"), closedPort.body());

        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            // something listens on the port but never greets: a bounded wait, and the problem named
            long started = System.nanoTime();
            HttpResponse<String> notImap = api.send("PUT", "/api/v1/channels/" + id + "/email", accountJson(address, "right-pw", silent.getLocalPort(), null));
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertEquals(422, notImap.statusCode(), notImap.body());
            assertTrue(notImap.body().contains("does not answer as an IMAP server"), notImap.body());
            assertTrue(seconds < 15, "answered after " + seconds + " s");
        }

        HttpResponse<String> tls = api.send("PUT", "/api/v1/channels/" + id + "/email",
                accountJson(address, "right-pw", imapPort, null).replace("\"port\":" + imapPort + ",\"security\":\"NONE\"", "\"port\":" + imapPort + ",\"security\":\"SSL\""));
        assertTrue(tls.body().contains("TLS handshake failed"), tls.body());

        HttpResponse<String> folder = api.send("PUT", "/api/v1/channels/" + id + "/email", accountJson(address, "right-pw", imapPort, "\"folder\":\"Nowhere\""));
        assertTrue(folder.body().contains("folder missing"), folder.body());

        HttpResponse<String> injected = api.send("PUT", "/api/v1/channels/" + id + "/email",
                accountJson(address, "right-pw", imapPort, null).replace("\"companyName\":\"Acme\"", "\"companyName\":\"Acme\\r\\nBcc: victim@example.org\""));
        assertEquals(400, injected.statusCode(), injected.body());

        HttpResponse<String> saved = api.send("PUT", "/api/v1/channels/" + id + "/email", accountJson(address, "right-pw", imapPort, null));
        assertEquals(200, saved.statusCode(), saved.body());
        assertFalse(saved.body().contains("right-pw"), "the secret is never shown back");
        assertTrue(ApiClient.object(saved).getBoolean("hasSecret"));

        JsonObject other = api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"" + unique("Thief") + "\"}");
        HttpResponse<String> taken = api.send("PUT", "/api/v1/channels/" + other.getJsonNumber("id").longValue() + "/email",
                accountJson(address, "right-pw", imapPort, "\"testConnection\":false"));
        assertEquals(409, taken.statusCode(), "one address belongs to one channel: " + taken.body());
    }

    @Test
    void automaticMailNeverOpensATicketAndABounceMarksTheReply() throws Exception {
        Mailbox box = mailbox(null);
        String token = inboundToken(box);
        MimeMessage outOfOffice = newMail(unique("ooo") + "@example.com", box.address(), "Out of office", "I am away.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        HttpResponse<String> ignored = forward(box, token, bytes(outOfOffice));
        assertEquals(202, ignored.statusCode(), ignored.body());
        assertTrue(ApiClient.object(ignored).getString("outcome").contains("Automatic"), ignored.body());
        assertEquals(0, tickets(box.channelId()).size());

        String subject = unique("Where is my parcel");
        send(newMail(CUSTOMER, box.address(), subject, "It did not come."));
        long ticketId = awaitTicket(box.channelId(), subject).getJsonNumber("id").longValue();
        long closedStage = ApiClient.array(api.get("/api/v1/pipelines")).stream().map(JsonValue::asJsonObject)
                .flatMap(p -> p.getJsonArray("stages").stream().map(JsonValue::asJsonObject))
                .filter(st -> st.getBoolean("closesTicket")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        HttpResponse<String> closing = api.send("PATCH", "/api/v1/tickets/" + ticketId, "{\"stageId\":" + closedStage + "}");
        assertEquals(200, closing.statusCode(), closing.body());
        agentReply(ticketId, "It is on its way.");
        JsonObject sent = await("the reply sent", () -> messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("deliveryState").equals("SENT")).findFirst().orElse(null));
        String ourId = "<" + sent.getString("channelMessageId") + ">";

        MimeMessage autoAnswer = newMail(CUSTOMER, box.address(), "Auto: " + subject, "Away until Monday.");
        autoAnswer.setHeader("Auto-Submitted", "auto-replied");
        autoAnswer.setHeader("In-Reply-To", ourId);
        assertEquals(202, forward(box, token, bytes(autoAnswer)).statusCode());
        JsonArray messages = messagesOf(ticketId);
        assertTrue(messages.getJsonObject(messages.size() - 1).getBoolean("automatic"), "kept on the ticket, flagged automatic");

        String dsn = String.join("\r\n", "From: MAILER-DAEMON@mx.example.com", "To: " + box.address(), "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <" + unique("dsn") + "@mx.example.com>", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "",
                "Your message could not be delivered.", "--b", "Content-Type: message/delivery-status", "",
                "Reporting-MTA: dns; mx.example.com", "", "Final-Recipient: rfc822; " + CUSTOMER, "Action: failed", "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 No such user", "--b", "Content-Type: text/rfc822-headers", "",
                "From: " + box.address(), "To: " + CUSTOMER, "Message-ID: " + ourId, "Subject: Re: " + subject, "--b--", "");
        HttpResponse<String> bounce = forward(box, token, dsn.getBytes(StandardCharsets.US_ASCII));
        assertEquals(202, bounce.statusCode(), bounce.body());
        JsonObject after = ticket(ticketId);
        JsonObject reply = after.getJsonArray("messages").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("direction").equals("OUTBOUND")).findFirst().orElseThrow();
        assertEquals("BOUNCED", reply.getString("deliveryState"));
        assertTrue(reply.getString("deliveryError").contains("5.1.1"), reply.getString("deliveryError"));
        assertTrue(after.getJsonArray("timeline").stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("type").equals("BOUNCED")));
        assertTrue(after.getJsonObject("ticket").getBoolean("closed"), "neither the auto-reply nor the bounce reopened the ticket");
        assertEquals(1, tickets(box.channelId()).size());
        // the next reply answers the customer's own mail, not the bounce or the auto-reply, and is stored as sent
        String customerId = "<" + messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("direction").equals("INBOUND") && !m.getBoolean("automatic")).findFirst().orElseThrow()
                .getString("channelMessageId") + ">";
        long secondId = agentReply(ticketId, "Second answer: a new parcel is on its way.");
        await("the second reply sent", () -> messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getJsonNumber("id").longValue() == secondId && !m.getString("deliveryState").equals("PENDING")).findFirst()
                .map(m -> {
                    assertEquals("SENT", m.getString("deliveryState"), m.toString());
                    return m;
                }).orElse(null));
        MimeMessage second = await("the second reply delivered", () -> Arrays.stream(mail.received()).filter(m -> {
            try {
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                m.writeTo(raw);
                return raw.toString(StandardCharsets.UTF_8).contains("Second answer");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null));
        assertEquals(customerId, second.getHeader("In-Reply-To", null));
        String references = second.getHeader("References", " ");
        String autoId = autoAnswer.getMessageID();
        assertFalse(references.contains("mx.example.com") || (autoId != null && references.contains(autoId)), references);
        JsonObject stored = messagesOf(ticketId).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getJsonNumber("id").longValue() == secondId).findFirst().orElseThrow();
        assertEquals(second.getSubject(), stored.getString("subject"), "the stored copy says what was sent");
    }

    @Test
    void forwardedMailIsLoggedOnTheOriginalSenderOrOnTheForwarder() throws Exception {
        String original = unique("original") + "@example.com";
        String forwarder = unique("colleague") + "@acme.test";
        for (boolean onOriginal : new boolean[]{true, false}) {
            Mailbox box = mailbox("\"logForwardedOnOriginalSender\":" + onOriginal);
            String subject = unique("Fwd: Broken order");
            MimeMessage forwarded = newMail("Colleague Name <" + forwarder + ">", box.address(), subject, "Can you take this?\n\n---------- Forwarded message ---------\n"
                    + "From: Original Sender <" + original + ">\nDate: Mon, 23 Nov 2026 10:00\nSubject: Broken order\n\nMy order is broken.");
            assertEquals(202, forward(box, inboundToken(box), bytes(forwarded)).statusCode());
            JsonObject ticket = awaitTicket(box.channelId(), subject.substring(5));
            assertEquals(onOriginal ? "Original Sender" : "Colleague Name", ticket.getString("contact"));
        }
    }

    @Test
    void theForwardingEndpointNeedsTheChannelTokenAndAnswersBadInputPrecisely() throws Exception {
        Mailbox box = mailbox(null);
        byte[] raw = bytes(newMail(CUSTOMER, box.address(), unique("Piped"), "Through Postfix."));
        assertEquals(401, forward(box, "sbin_forged", raw).statusCode());
        assertEquals(401, api.http().post("/api/v1/inbound/email/" + box.key(), "message/rfc822", raw).statusCode());
        String token = inboundToken(box);
        assertEquals(404, api.http().post("/api/v1/inbound/email/no-such-channel", "message/rfc822", raw, "Authorization", "Bearer " + token).statusCode());
        assertEquals(415, api.http().post("/api/v1/inbound/email/" + box.key(), "application/json", raw, "Authorization", "Bearer " + token).statusCode());
        assertEquals(400, forward(box, token, new byte[0]).statusCode());
        assertEquals(202, forward(box, token, raw).statusCode());
    }

    @Test
    void headerInjectionThroughANameNeverReachesTheReplyHeaders() throws Exception {
        Mailbox box = mailbox(null);
        String victim = unique("victim") + "@example.org";
        mail.mailbox(victim, "x");
        String subject = unique("Injected");
        String raw = String.join("\r\n", "From: =?UTF-8?Q?Evil=0D=0ABcc:_" + victim.replace("@", "=40") + "?= <" + CUSTOMER + ">",
                "To: " + box.address(), "Subject: " + subject + " =?UTF-8?Q?=0D=0ABcc:_" + victim.replace("@", "=40") + "?=",
                "Message-ID: <" + unique("inj") + "@example.com>", "", "Hello");
        assertEquals(202, forward(box, inboundToken(box), raw.getBytes(StandardCharsets.US_ASCII)).statusCode());
        long ticketId = awaitTicket(box.channelId(), subject).getJsonNumber("id").longValue();
        agentReply(ticketId, "Hello back");
        MimeMessage out = mail.awaitDelivered(CUSTOMER, subject, WAIT);
        assertNull(out.getHeader("Bcc"));
        assertEquals(1, out.getAllRecipients().length);
        assertFalse(out.getSubject().contains("\n") || out.getSubject().contains("\r"));
        Thread.sleep(1000);
        assertTrue(Arrays.stream(mail.received()).noneMatch(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(victim));
            } catch (Exception e) {
                return false;
            }
        }), "nothing reached the injected address");
    }

    @Test
    void everyCorpusMailBecomesAMessageOrAQuarantinedItemWithItsRawBytesKept() throws Exception {
        Mailbox box = mailbox(null);
        String token = inboundToken(box);
        Path corpus = Path.of(EmailChannelIT.class.getResource("/mime-corpus/LICENSE").toURI()).getParent();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("LICENSE")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        int messages = 0;
        int quarantined = 0;
        for (Path file : files) {
            byte[] raw = Files.readAllBytes(file);
            HttpResponse<String> response = raw.length == 0 ? null : forward(box, token, raw);
            if (response == null) {
                continue; // an empty file is refused at the door (400), tested above
            }
            if (response.statusCode() / 100 != 2) {
                problems.add(file.getFileName() + ": " + response.statusCode() + " " + response.body());
                continue;
            }
            JsonObject result = ApiClient.object(response);
            long itemId = result.getJsonNumber("itemId").longValue();
            JsonObject item = ApiClient.object(api.get("/api/v1/inbound-items/" + itemId));
            switch (result.getString("state")) {
                case "PROCESSED" -> messages++;
                case "QUARANTINED" -> {
                    quarantined++;
                    if (item.getString("lastError", "").isBlank()) {
                        problems.add(file.getFileName() + ": quarantined without a reason");
                    }
                }
                default -> problems.add(file.getFileName() + ": left " + result.getString("state") + " " + response.body());
            }
            byte[] kept = api.http().getBytes("/api/v1/inbound-items/" + itemId + "/payload", "Authorization", api.bearer());
            if (!result.getString("state").equals("PROCESSED") || item.getInt("payloadBytes") == raw.length) {
                if (!Arrays.equals(raw, kept) && result.getString("state").equals("QUARANTINED")) {
                    problems.add(file.getFileName() + ": raw bytes not kept");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(messages >= 90, messages + " messages, " + quarantined + " quarantined");
    }
}
