package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.switchboard.testing.ApiClient;
import org.switchboard.testing.Browser;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.MailServers;


/**
 * The workspace and the settings screens in headless Chromium against the shipped WAR, with
 * GreenMail's real SMTP and IMAP servers: what an admin and an agent see and do.
 */
@ExtendWith(ArquillianExtension.class)
class WorkspaceIT {

    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SWITCHBOARD_ADMIN_PASSWORD", "it-admin-password");
    static final Duration WAIT = Duration.ofSeconds(30);
    /** A 1×1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    static MailServers mail;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL deployed;

    URI base;
    ApiClient api;

    @BeforeAll
    static void startMailServers() throws Exception {
        mail = MailServers.start();
    }

    @AfterAll
    static void stopMailServers() {
        mail.close();
    }

    @BeforeEach
    void connect() {
        base = URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
        api = new ApiClient(base, ADMIN_PASSWORD);
    }

    @Test
    void anAdminConnectsTeamEmailWithTheWizardMailAppearsLiveAndTheAgentRepliesAndReassigns() throws Exception {
        String address = unique("help") + "@acme.test";
        String customer = unique("customer") + "@example.com";
        mail.mailbox(address, "mailbox-pw");
        mail.mailbox(customer, "customer-pw");
        long maria = user("maria-" + unique("m"), "Maria Virtanen", "AGENT");
        String channelName = unique("Help mail");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);

            page.get(base.resolve("settings/channels.xhtml").toString());
            page.findElement(By.id("connect")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("pick-TEAM_EMAIL"))).click();
            browser.waiting().until(ExpectedConditions.urlContains("connect-email.xhtml"));
            page.findElement(By.id("wizard:channelName")).sendKeys(channelName);
            page.findElement(By.id("wizard:address")).sendKeys(address);
            browser.screenshot("connect-email-1-account");
            page.findElement(By.id("wizard:next")).click();

            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard:imapHost"))).sendKeys("127.0.0.1");
            js(page, "PF('imapPort').setValue(" + mail.imapPort() + "); PF('imapSecurity').selectValue('NONE');"
                    + "PF('smtpPort').setValue(" + mail.smtpPort() + "); PF('smtpSecurity').selectValue('NONE');");
            page.findElement(By.id("wizard:smtpHost")).sendKeys("127.0.0.1");
            page.findElement(By.id("wizard:secret")).sendKeys("wrong-password");
            page.findElement(By.id("wizard:next")).click();

            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard:company"))).sendKeys("Acme");
            page.findElement(By.id("wizard:signature")).sendKeys("Best regards,\n{{agent.fullName}}\nAcme support");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("previewFrom"), "at Acme <" + address + ">"));
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("previewSignature"), "Acme support"));
            browser.screenshot("connect-email-3-look");
            page.findElement(By.id("wizard:save")).click();
            String refused = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .error"))).getText();
            assertTrue(refused.contains("authentication failed"), "a wrong password is named: " + refused);

            page.findElement(By.id("wizard:back")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard:secret"))).sendKeys("mailbox-pw");
            page.findElement(By.id("wizard:next")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard:save"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("connected")));
            browser.screenshot("connect-email-4-done");
            JsonObject channel = ApiClient.array(api.get("/api/v1/channels")).getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals(channelName)).findFirst().orElseThrow();
            assertTrue(channel.getBoolean("enabled"), "the channel is on once its mailbox works");
            assertFalse(api.get("/api/v1/channels/" + channel.getJsonNumber("id") + "/email").body().contains("mailbox-pw"), "the password is never shown back");

            // the agent's workspace is open when the mail arrives: the ticket appears without a reload
            page.get(base.resolve("?view=open").toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("viewTitle")));
            Object marker = js(page, "window.__notReloaded = true; return 1;");
            assertEquals(1L, marker);
            String subject = "Printer on fire " + unique("s");
            MailServers.send(mail.newMail(customer, address, subject, "It started smoking this morning."));
            browser.waiting().withTimeout(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("tickets:list"), subject));
            assertEquals(Boolean.TRUE, js(page, "return window.__notReloaded === true;"), "the list changed in place");
            browser.screenshot("workspace");

            page.findElement(By.linkText(subject)).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticketSubject"), subject));
            assertTrue(page.findElement(By.id("replyFrom")).getText().contains("at Acme <" + address + ">"), "the composer shows how the reply will look");
            page.findElement(By.id("composer:replyForm:replyText")).sendKeys("We are sending a technician.");
            page.findElement(By.id("composer:replyForm:send")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "We are sending a technician."));
            MimeMessage reply = mail.awaitDelivered(customer, subject, WAIT);
            assertTrue(reply.getFrom()[0].toString().contains("at Acme"), reply.getFrom()[0].toString());
            java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
            reply.writeTo(sent);
            assertTrue(sent.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Acme support"), "signature in the sent reply");

            js(page, "PF('ownerMenu').selectValue('" + maria + "');");
            page.findElement(By.id("properties:save")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Assigned to maria"));
            browser.screenshot("ticket");
            long ticketId = Long.parseLong(page.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
            assertEquals(maria, ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonObject("ticket").getJsonNumber("ownerId").longValue());

            // the customer answers: the reply threads into the same ticket, and the open page shows it live
            // with an inline picture and an attached HTML file that carries a script
            MimeMessage answer = mail.newMail(customer, address, "Re: " + reply.getSubject(), "Thanks, it is out now.");
            jakarta.mail.internet.MimeMultipart related = new jakarta.mail.internet.MimeMultipart("related");
            jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
            html.setContent("<p>Thanks, it is out now.</p><img alt=\"photo\" src=\"cid:photo@example.com\">", "text/html; charset=UTF-8");
            related.addBodyPart(html);
            jakarta.mail.internet.MimeBodyPart photo = new jakarta.mail.internet.MimeBodyPart();
            photo.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(PNG, "image/png")));
            photo.setContentID("<photo@example.com>");
            photo.setDisposition("inline");
            related.addBodyPart(photo);
            jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart("mixed");
            jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
            body.setContent(related);
            mixed.addBodyPart(body);
            jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                    "<script>alert('from the file')</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html")));
            file.setFileName("invoice.html");
            mixed.addBodyPart(file);
            answer.setContent(mixed);
            answer.setHeader("In-Reply-To", reply.getMessageID());
            answer.saveChanges();
            MailServers.send(answer);
            browser.waiting().withTimeout(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "it is out now"));
            WebElement picture = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#conversation img[alt='photo']")));
            browser.waiting().until(d -> Long.valueOf(1).equals(js(d, "return arguments[0].complete && arguments[0].naturalWidth > 0 ? 1 : 0;", picture)));
            String fileAddress = page.findElement(By.linkText("invoice.html")).getAttribute("href");
            var download = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(URI.create(fileAddress))
                    .header("Cookie", "JSESSIONID=" + page.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, download.statusCode());
            assertEquals("application/octet-stream", download.headers().firstValue("Content-Type").orElse("").split(";")[0],
                    "an HTML file is a download, never a page of ours");
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
            var anonymous = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(URI.create(fileAddress)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertFalse(anonymous.statusCode() == 200 && anonymous.body().contains("from the file"), "without a session the file is not given out");
            assertTrue(anonymous.statusCode() == 302 && anonymous.headers().firstValue("Location").orElse("").contains("login.xhtml"),
                    "without a session: sign in first (" + anonymous.statusCode() + ")");

            page.get(base.resolve("settings/channel.xhtml?id=" + channel.getJsonNumber("id")).toString());
            page.findElement(By.xpath("//a[contains(., 'Routing')]")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("channel:tabs:runPreview"))).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel:tabs:preview"), subject));
            browser.screenshot("settings-channel-routing");
        }
    }

    @Test
    void mailWithScriptsAndTrackersIsShownWithNothingExecutedAndRemoteImagesHeldBack() {
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Hostile") + "\"}");
        String html = "<p id=\\\"greeting\\\">Hello <b>team</b></p><script>window.__xss='script'</script>"
                + "<img src=\\\"x\\\" onerror=\\\"window.__xss='onerror'\\\"><a id=\\\"jslink\\\" href=\\\"javascript:window.__xss='link'\\\">click me</a>"
                + "<svg><script>window.__xss='svg'</script><a xlink:href=\\\"javascript:window.__xss='svglink'\\\"><text>svg</text></a></svg>"
                + "<div style=\\\"background:url(javascript:window.__xss='css');width:expression(window.__xss='expr')\\\">styled</div>"
                + "<img id=\\\"tracker\\\" src=\\\"https://tracker.example/pixel.png?u=1\\\">"
                + "<form action=\\\"https://evil.example/steal\\\"><input name=\\\"password\\\"></form>"
                + "<iframe src=\\\"https://evil.example\\\"></iframe><p onclick=\\\"window.__xss='click'\\\" id=\\\"para\\\">para</p>"
                + "<meta http-equiv=\\\"refresh\\\" content=\\\"0;url=https://evil.example\\\"><base href=\\\"https://evil.example/\\\">";
        JsonObject made = api.create("/api/v1/channels/" + channel.getString("key") + "/messages", "{\"externalId\":\"" + unique("x")
                + "\",\"from\":{\"email\":\"mallory@example.com\",\"name\":\"Mallory <script>window.__xss='name'</script>\"},"
                + "\"subject\":\"Invoice <img src=x onerror=window.__xss='subject'>\",\"text\":\"see html\",\"html\":\"" + html + "\"}");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("ticket.xhtml?id=" + made.getJsonNumber("ticketId")).toString());
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Hello team"));
            assertTrue(page.findElement(By.id("ticketSubject")).getText().contains("<img src=x"), "the subject is shown as text");
            for (String selector : List.of("#conversation .body script", "#conversation .body iframe", "#conversation .body form", "#conversation .body svg",
                    "#conversation .body [onerror]", "#conversation .body [onclick]", "#conversation .body [style]", "#conversation .body a[href^='javascript']",
                    "#conversation .body meta", "#conversation .body base", "#conversation .body img[src^='https://']")) {
                assertTrue(page.findElements(By.cssSelector(selector)).isEmpty(), "nothing like " + selector + " reaches the page");
            }
            page.findElement(By.xpath("//div[@id='conversation']//p[contains(., 'para')]")).click();
            page.findElement(By.xpath("//div[@id='conversation']//*[contains(text(), 'click me')]")).click(); // the link, now plain text
            assertNull(js(page, "return window.__xss === undefined ? null : window.__xss;"), "no script ran");
            assertTrue(page.findElement(By.cssSelector(".images-blocked")).getText().contains("blocked"));
            browser.screenshot("ticket-hostile-mail");
            page.findElement(By.cssSelector(".images-blocked button")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#conversation img[src^='https://tracker.example']")));
            assertNull(js(page, "return window.__xss === undefined ? null : window.__xss;"), "showing images runs nothing either");
        }
    }

    @Test
    void aSecondAgentSavingAChangedTicketIsToldAndNothingIsOverwritten() {
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Conflicts") + "\"}");
        long ticketId = api.create("/api/v1/channels/" + channel.getString("key") + "/messages", "{\"externalId\":\"" + unique("c")
                + "\",\"from\":{\"email\":\"" + unique("c") + "@example.com\"},\"subject\":\"Two agents\",\"text\":\"hello\"}").getJsonNumber("ticketId").longValue();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("ticket.xhtml?id=" + ticketId).toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("properties:save")));
            long version = ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonObject("ticket").getJsonNumber("version").longValue();
            assertEquals(200, api.send("PATCH", "/api/v1/tickets/" + ticketId, "{\"priority\":\"URGENT\",\"version\":" + version + "}").statusCode());

            js(page, "PF('priorityMenu').selectValue('LOW');");
            page.findElement(By.id("properties:save")).click();
            String message = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .error"))).getText();
            assertTrue(message.contains("Someone else changed this ticket"), message);
            assertEquals("URGENT", ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonObject("ticket").getString("priority"),
                    "the other agent's change stands");
            browser.screenshot("ticket-conflict");

            page.findElement(By.id("properties:reload")).click();
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#messages .error")));
            js(page, "PF('priorityMenu').selectValue('LOW');");
            page.findElement(By.id("properties:save")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .info")));
            assertEquals("LOW", ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonObject("ticket").getString("priority"),
                    "after seeing the other change, the agent's own save goes through");
        }
    }

    @Test
    void anAgentIsRefusedTheSettingsEvenByAddressAndTheirAvailabilityToggleRoutesAtOnce() {
        String name = "agent-" + unique("a");
        long agentId = user(name, "Aku Agent", "AGENT");
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Routed") + "\",\"routing\":"
                + "{\"mode\":\"USERS_AND_TEAMS\",\"availableOnly\":true,\"userIds\":[" + agentId + "]}}");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, name, "agent-password");
            assertTrue(page.findElements(By.id("navSettings")).isEmpty(), "no Settings in an agent's navigation");
            for (String settingsPage : List.of("settings/channels.xhtml", "settings/users.xhtml", "settings/channel.xhtml?id=1",
                    "settings/connect-email.xhtml", "settings/api-tokens.xhtml")) {
                page.get(base.resolve(settingsPage).toString());
                assertTrue(page.findElement(By.tagName("body")).getText().contains("You do not have access"), settingsPage + " is refused");
            }
            browser.screenshot("agent-refused-settings");

            page.get(base.toString());
            WebElement toggle = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#preferences\\:available .ui-toggleswitch-slider")));
            toggle.click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preferences:availabilityLabel"), "Away"));
            assertEquals("AWAY", ApiClient.object(api.get("/api/v1/users/" + agentId)).getString("availability"));
            JsonObject waiting = api.create("/api/v1/channels/" + channel.getString("key") + "/messages", "{\"externalId\":\"" + unique("w")
                    + "\",\"from\":{\"email\":\"" + unique("w") + "@example.com\"},\"subject\":\"While away\",\"text\":\"hi\"}");
            JsonObject ticket = ApiClient.object(api.get("/api/v1/tickets/" + waiting.getJsonNumber("ticketId"))).getJsonObject("ticket");
            assertTrue(!ticket.containsKey("ownerId") || ticket.isNull("ownerId"), "an away agent gets nothing: " + ticket);

            page.findElement(By.cssSelector("#preferences\\:available .ui-toggleswitch-slider")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preferences:availabilityLabel"), "Available"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonObject drained;
            do {
                sleep(200);
                drained = ApiClient.object(api.get("/api/v1/tickets/" + waiting.getJsonNumber("ticketId"))).getJsonObject("ticket");
            } while ((!drained.containsKey("ownerId") || drained.isNull("ownerId")) && System.nanoTime() < deadline);
            assertEquals(agentId, drained.getJsonNumber("ownerId").longValue(), "back from away, the waiting ticket comes to the agent");
        }
    }

    @Test
    void anAdminManagesUsersTeamsSkillsAndTurnsAChannelOffAndOn() {
        String team = unique("Billing");
        String skill = unique("Finnish");
        String username = "new-" + unique("u");
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Toggle") + "\"}");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("settings/users.xhtml").toString());
            page.findElement(By.id("teams:newTeam")).sendKeys(team);
            page.findElement(By.id("teams:addTeam")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("teams"), team));
            page.findElement(By.id("skills:newSkill")).sendKeys(skill);
            page.findElement(By.id("skills:addSkill")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("skills"), skill));

            page.findElement(By.id("newUserForm:newUser")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("user:username"))).sendKeys(username);
            page.findElement(By.id("user:fullName")).sendKeys("Uusi Agentti");
            page.findElement(By.id("user:password")).sendKeys("new-agent-password");
            page.findElement(By.id("user:save")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), username));
            browser.screenshot("settings-users");
            JsonObject created = ApiClient.array(api.get("/api/v1/users")).getValuesAs(JsonObject.class).stream()
                    .filter(u -> u.getString("username").equals(username)).findFirst().orElseThrow();
            assertEquals(List.of("AGENT"), created.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            assertTrue(created.getBoolean("paidSeat"));
            assertTrue(ApiClient.array(api.get("/api/v1/teams")).toString().contains(team));
            assertTrue(ApiClient.array(api.get("/api/v1/skills")).toString().contains(skill));

            page.get(base.resolve("settings/channels.xhtml").toString());
            WebElement row = page.findElement(By.xpath("//tr[.//a[text()='" + channel.getString("name") + "']]"));
            row.findElement(By.xpath(".//button[contains(@id, 'turnOff')]")).click();
            browser.waiting().until(d -> !ApiClient.object(api.get("/api/v1/channels/" + channel.getJsonNumber("id"))).getBoolean("enabled"));
            assertEquals(409, api.post("/api/v1/channels/" + channel.getString("key") + "/messages",
                    "{\"externalId\":\"off-1\",\"from\":{\"email\":\"x@example.com\"},\"text\":\"hi\"}").statusCode(), "a channel that is off refuses messages");
            browser.screenshot("settings-channels");
            // The server commits before the Ajax answer re-renders the row: wait for the row to offer "turn on".
            browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//tr[.//a[text()='" + channel.getString("name") + "']]//button[contains(@id, 'turnOn')]"))).click();
            browser.waiting().until(d -> ApiClient.object(api.get("/api/v1/channels/" + channel.getJsonNumber("id"))).getBoolean("enabled"));
        }
    }

    @Test
    void anAdminConnectsACustomChannelSeesItsSigningSecretOnceAndAgentsSeeWhyRepliesWait() {
        String name = "channels-admin-" + unique("a");
        user(name, "Kaisa Kanava", "ADMIN");
        String channelName = unique("Telegram");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, name, "agent-password");
            page.get(base.resolve("settings/channels.xhtml").toString());
            page.findElement(By.id("connect")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pick-CUSTOM")));
            assertTrue(page.findElement(By.id("pick-TEAM_EMAIL")).isDisplayed(), "every kind with a connector can be connected");
            browser.screenshot("settings-channels-connect");
            page.findElement(By.id("pick-CUSTOM")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("connectCustom:name")));
            page.findElement(By.id("connectCustom:name")).sendKeys(channelName);
            page.findElement(By.id("connectCustom:webhookUrl")).sendKeys("https://bot.example.com/switchboard");
            page.findElement(By.id("connectCustom:create")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signingSecret")));
            String secret = page.findElement(By.id("signingSecret")).getText();
            assertTrue(secret.startsWith("sbwh_"), secret);
            browser.screenshot("connect-custom");

            page.findElement(By.id("openChannel")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("customChannelCard")));
            assertTrue(page.findElements(By.id("signingSecret")).isEmpty(), "the secret is not shown again");
            assertEquals("https://bot.example.com/switchboard", page.findElement(By.id("customSettings:webhookUrl")).getAttribute("value"));
            page.findElement(By.id("customSettings:rotateSecret")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signingSecret")));
            String rotated = page.findElement(By.id("signingSecret")).getText();
            assertTrue(rotated.startsWith("sbwh_") && !rotated.equals(secret), rotated);
            browser.screenshot("settings-channel-custom");

            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("customChannelCard"), "Vastaukset"));
            browser.screenshot("settings-channel-custom-fi");
            page.get(base.resolve("settings/connect-custom.xhtml").toString());
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Yhdistä mukautettu kanava"));
            browser.screenshot("connect-custom-fi");
            page.get(base.resolve("settings/channels.xhtml").toString());
            browser.screenshot("settings-channels-fi");
        }

        // a custom channel without a webhook: the agent's reply box says why replies wait
        JsonObject receiveOnly = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Receive only") + "\"}");
        String subject = unique("No webhook");
        long ticketId = api.create("/api/v1/channels/" + receiveOnly.getString("key") + "/messages", "{\"externalId\":\"" + unique("w")
                + "\",\"from\":{\"externalUserId\":\"u-1\",\"name\":\"Pekka\"},\"subject\":\"" + subject + "\",\"text\":\"Hello?\"}")
                .getJsonNumber("ticketId").longValue();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("ticket.xhtml?id=" + ticketId).toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replyNotice")));
            assertTrue(page.findElement(By.id("replyNotice")).getText().contains("no webhook URL"), page.findElement(By.id("replyNotice")).getText());
            browser.screenshot("ticket-custom-no-webhook");
        }
    }

    @Test
    void anAdminConnectsAWhatsAppNumberAndSeesWhatToEnterAtMetaButNeverTheSecretsAgain() throws Exception {
        String channelName = unique("WhatsApp");
        String phoneNumberId = String.valueOf(200000000000L + new java.util.Random().nextInt(999_999_999));
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("settings/channels.xhtml").toString());
            page.findElement(By.id("connect")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("pick-WHATSAPP"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("connectWhatsApp:name")));
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Yhdistä WhatsApp Business"));
            browser.screenshot("connect-whatsapp-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Connect WhatsApp Business"));
            page.findElement(By.id("connectWhatsApp:name")).sendKeys(channelName);
            page.findElement(By.id("connectWhatsApp:create")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "WhatsApp Business account id"));
            page.findElement(By.id("connectWhatsApp:businessAccountId")).sendKeys("102290129340398");
            page.findElement(By.id("connectWhatsApp:phoneNumberId")).sendKeys(phoneNumberId);
            page.findElement(By.id("connectWhatsApp:displayPhoneNumber")).sendKeys("+358 40 123 4567");
            page.findElement(By.id("connectWhatsApp:accessToken")).sendKeys("EAAG-secret-token");
            page.findElement(By.id("connectWhatsApp:appSecret")).sendKeys("the-app-secret");
            browser.screenshot("connect-whatsapp");
            page.findElement(By.id("connectWhatsApp:create")).click();
            String callback = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("callbackUrl"))).getText();
            assertTrue(callback.endsWith("/api/v1/inbound/whatsapp"), callback);
            assertTrue(page.findElement(By.id("verifyToken")).getText().startsWith("sbwa_"));
            browser.screenshot("connect-whatsapp-done");

            page.findElement(By.id("openChannel")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("whatsAppChannelCard")));
            assertEquals(phoneNumberId, page.findElement(By.id("whatsAppSettings:phoneNumberId")).getAttribute("value"));
            assertEquals("", page.findElement(By.id("whatsAppSettings:accessToken")).getAttribute("value"), "the token is never shown back");
            assertFalse(page.getPageSource().contains("EAAG-secret-token") || page.getPageSource().contains("the-app-secret"));
            js(page, "document.getElementById('whatsAppChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-whatsapp");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("whatsAppChannelCard"), "Takaisinkutsuosoite"));
            js(page, "document.getElementById('whatsAppChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-whatsapp-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("whatsAppChannelCard"), "Callback URL"));

            // the reply box shows WhatsApp's window: the time left, or closed (free text cannot go) with the box disabled
            long now = System.currentTimeMillis() / 1000;
            long open = whatsAppTicket(phoneNumberId, "358401112223", "wamid.open" + unique("w").replace("-", ""), now - 3600, "Is the shop open today?");
            long closed = whatsAppTicket(phoneNumberId, "358401112224", "wamid.late" + unique("w").replace("-", ""), now - 30 * 3600, "Did my parcel leave?");
            page.get(base.resolve("ticket.xhtml?id=" + open).toString());
            String notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replyNotice"))).getText();
            assertTrue(notice.matches("WhatsApp's reply window: 2[23] h \\d+ min left for a free-text answer\\."), notice);
            assertTrue(page.findElement(By.id("composer:replyForm:send")).isEnabled());
            browser.screenshot("ticket-whatsapp-window");
            page.get(base.resolve("ticket.xhtml?id=" + closed).toString());
            notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replyNotice"))).getText();
            assertTrue(notice.contains("24-hour window") && notice.contains("has closed"), notice);
            assertFalse(page.findElement(By.id("composer:replyForm:send")).isEnabled(), "no free text outside the window");
            assertTrue(page.findElements(By.id("composer:templateForm")).isEmpty(), "no templates synced yet");
            browser.screenshot("ticket-whatsapp-window-closed");

            // the account's approved templates, synced on the channel's page, are what the closed reply box offers
            try (org.switchboard.testing.FakeGraphApi meta = new org.switchboard.testing.FakeGraphApi("EAAG-secret-token")) {
                meta.templates(List.of(new org.switchboard.testing.FakeGraphApi.FakeTemplate("parcel_update", "en_US", "UTILITY", "APPROVED",
                        "Hi {{1}}, your parcel {{2}} is on its way.")));
                page.get(base.resolve("settings/channel.xhtml?id=" + channelIdOf(channelName)).toString());
                browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("whatsAppTemplates:syncTemplates"))).click();
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Templates synced: 1 approved"));
                assertTrue(page.findElement(By.id("whatsAppTemplates")).getText().contains("parcel_update"));
                page.get(base.resolve("ticket.xhtml?id=" + closed).toString());
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("composer:templateForm")));
                assertTrue(page.findElement(By.id("replyNotice")).getText().contains("approved templates below"));
                js(page, "PrimeFaces.widgets['widget_composer_templateForm_template'].selectValue('parcel_update|en_US')");
                page.findElement(By.id("composer:templateForm:templateValues")).sendKeys("Asiakas\nJJFI6400");
                js(page, "document.getElementById('composer:templateForm').scrollIntoView();");
                browser.screenshot("ticket-whatsapp-template");
                page.findElement(By.id("composer:templateForm:sendTemplate")).click();
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Hi Asiakas, your parcel JJFI6400 is on its way."));
                for (int i = 0; i < 50 && meta.sent().isEmpty(); i++) {
                    sleep(100);
                }
                assertEquals("parcel_update", meta.sent().get(0).body().getJsonObject("template").getString("name"), "the template went to Meta");

                // within the window a reply may quote the customer's message: the box shows it, WhatsApp gets its id as context
                page.get(base.resolve("ticket.xhtml?id=" + open).toString());
                quote(browser, page, "Lainaa", "fi", "Lainaus:");
                browser.screenshot("ticket-whatsapp-quote-fi");
                quote(browser, page, "Quote", "en", "Quoting:");
                assertTrue(page.findElement(By.id("replyQuoteText")).getText().contains("Is the shop open today?"));
                browser.screenshot("ticket-whatsapp-quote");
                page.findElement(By.id("composer:replyForm:replyText")).sendKeys("Yes, until 18.");
                page.findElement(By.id("composer:replyForm:send")).click();
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.message.outbound .quoted"),
                        "In reply to: Is the shop open today?"));
                assertTrue(page.findElements(By.id("composer:replyForm:replyQuote")).isEmpty(), "the next reply quotes nothing again");
                browser.screenshot("ticket-whatsapp-quoted-reply");
                for (int i = 0; i < 50 && meta.sent().size() < 2; i++) {
                    sleep(100);
                }
                JsonObject quotedSend = meta.sent().get(1).body();
                assertEquals("Yes, until 18.", quotedSend.getJsonObject("text").getString("body"));
                assertTrue(quotedSend.getJsonObject("context").getString("message_id").startsWith("wamid.open"), quotedSend.toString());
                page.get(base.resolve("ticket.xhtml?id=" + closed).toString());
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replyNotice")));
            }
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replyNotice"), "ikkuna"));
            browser.screenshot("ticket-whatsapp-window-closed-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replyNotice"), "window"));
        }
    }

    @Test
    void anAdminConnectsAFacebookPageAndAgentsAnswerWithinMessengersWindows() throws Exception {
        String channelName = unique("Messenger");
        java.util.Random random = new java.util.Random();
        String pageId = String.valueOf(100000000000000L + random.nextInt(999_999_999));
        String otherPageId = String.valueOf(200000000000000L + random.nextInt(999_999_999));
        String pageToken = "EAAPage-" + unique("t");
        String appSecret = "fb-app-secret-" + unique("s");
        try (org.switchboard.testing.FakeGraphApi facebook = new org.switchboard.testing.FakeGraphApi("unused");
             Browser browser = new Browser()) {
            facebook.facebook("1234567890123", appSecret, "Aino Admin", List.of(
                    new org.switchboard.testing.FakeGraphApi.FakePage(pageId, "Kahvila Aurinko", "Cafe",
                            List.of("ANALYZE", "ADVERTISE", "MESSAGING", "MODERATE", "CREATE_CONTENT", "MANAGE"), pageToken),
                    new org.switchboard.testing.FakeGraphApi.FakePage(otherPageId, "Someone Else's Page", "Brand", List.of("ANALYZE", "ADVERTISE"), "EAAOther-x")));
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("settings/channels.xhtml").toString());
            page.findElement(By.id("connect")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("pick-FACEBOOK_MESSENGER"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messengerLogin:name")));
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Yhdistä Facebook Messenger"));
            browser.screenshot("connect-messenger-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Connect Facebook Messenger"));
            assertTrue(page.findElement(By.id("redirectUri")).getText().endsWith("/settings/connect-messenger.xhtml"));
            page.findElement(By.id("messengerLogin:name")).sendKeys(channelName);
            page.findElement(By.id("messengerLogin:appId")).clear();
            page.findElement(By.id("messengerLogin:appId")).sendKeys("1234567890123");
            page.findElement(By.id("messengerLogin:appSecret")).sendKeys(appSecret);
            browser.screenshot("connect-messenger");

            // Facebook Login: cancelling connects nothing; a state that is not ours is refused
            page.findElement(By.id("messengerLogin:continueWithFacebook")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Facebook Login was cancelled"));
            page.get(base.resolve("settings/connect-messenger.xhtml?code=AQDforged&state=not-ours").toString());
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "not the one started here"));

            page.findElement(By.id("messengerLogin:name")).sendKeys(channelName);
            page.findElement(By.id("messengerLogin:appId")).clear();
            page.findElement(By.id("messengerLogin:appId")).sendKeys("1234567890123");
            page.findElement(By.id("messengerLogin:appSecret")).sendKeys(appSecret);
            page.findElement(By.id("messengerLogin:continueWithFacebook")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("continueAs"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messengerPages")));
            String pages = page.findElement(By.id("messengerPages")).getText();
            assertTrue(pages.contains("Kahvila Aurinko") && pages.contains("Someone Else's Page") && pages.contains("You are not an admin of this page"), pages);
            assertEquals(1, page.findElements(By.cssSelector("[id$=':connectPage']")).size(), "only the page the user administers can be picked");
            assertFalse(page.getPageSource().contains(pageToken), "page tokens stay on the server");
            browser.screenshot("connect-messenger-pages");
            page.findElement(By.cssSelector("[id$=':connectPage']")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("messengerChannelCard")));
            assertTrue(page.findElement(By.id("messages")).getText().contains("Kahvila Aurinko is connected"), page.findElement(By.id("messages")).getText());
            assertTrue(facebook.subscribed(pageId), "the app is subscribed to the page's messages");
            String verifyToken = page.findElement(By.id("verifyToken")).getText();
            assertTrue(verifyToken.startsWith("sbfb_"), verifyToken);
            assertFalse(page.getPageSource().contains(appSecret) || page.getPageSource().contains(pageToken), "secrets are never shown");

            // what the page says by itself: a greeting set at Facebook, an instant reply, explicit consent
            page.findElement(By.id("messengerBehaviour:greeting")).sendKeys("Hi! Ask us anything.");
            page.findElement(By.id("messengerBehaviour:instantReply")).sendKeys("Thanks! We answer within the hour.");
            js(page, "PrimeFaces.widgets[Object.keys(PrimeFaces.widgets).find(k => k.includes('consentMode'))].selectValue('EXPLICIT')");
            page.findElement(By.id("messengerBehaviour:consentText")).sendKeys("We keep this conversation to answer you. Reply I agree to go on.");
            page.findElement(By.id("messengerBehaviour:saveMessenger")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Messenger settings saved"));
            assertEquals("Hi! Ask us anything.", facebook.greeting(pageToken));
            js(page, "document.getElementById('messengerChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-messenger");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messengerChannelCard"), "Tervehdys"));
            js(page, "document.getElementById('messengerChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-messenger-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messengerChannelCard"), "Greeting"));
            long channelId = channelIdOf(channelName);

            // Meta's handshake and signatures on the raw bytes
            org.switchboard.testing.HttpSession meta = new org.switchboard.testing.HttpSession(base);
            java.net.http.HttpResponse<String> handshake = meta.get("/api/v1/inbound/messenger?hub.mode=subscribe&hub.verify_token=" + verifyToken
                    + "&hub.challenge=1158201444");
            assertEquals(200, handshake.statusCode(), handshake.body());
            assertEquals("1158201444", handshake.body());
            assertEquals(403, meta.get("/api/v1/inbound/messenger?hub.mode=subscribe&hub.verify_token=sbfb_wrong&hub.challenge=1").statusCode());
            String psid = String.valueOf(6800000000000000L + random.nextInt(999_999_999));
            facebook.profile(psid, "Maija", "Virtanen");
            facebook.personWrote(psid, java.time.Instant.now());
            String first = messengerEvent(pageId, psid, pageId, System.currentTimeMillis(),
                    "\"message\":{\"mid\":\"m_" + unique("a") + "\",\"text\":\"Hyv\\u00e4\\u00e4 huomenta \\ud83d\\udc4b, is my order shipped?\"}");
            byte[] raw = first.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(401, meta.post("/api/v1/inbound/messenger", "application/json", raw).statusCode(), "unsigned");
            assertEquals(401, postMessenger(meta, first, "another-secret").statusCode(), "signed with another secret");
            byte[] rewritten = jakarta.json.Json.createReader(new java.io.StringReader(first)).readObject().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(401, meta.post("/api/v1/inbound/messenger", "application/json", rewritten, org.switchboard.channels.meta.MetaSignature.HEADER,
                    org.switchboard.channels.meta.MetaSignature.header(appSecret, raw)).statusCode(), "the original's signature over a re-encoded body");
            assertTrue(ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").isEmpty(), "nothing stored");

            // the first message: a ticket named from the profile, the instant reply, then consent asked with a quick reply; held from agents
            assertEquals(200, postMessenger(meta, first, appSecret).statusCode());
            assertEquals(200, postMessenger(meta, first, appSecret).statusCode(), "Meta delivers again");
            long ticketId = awaitTicket(channelId, "Hyvää huomenta 👋, is my order shipped?");
            assertEquals(1, ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").size(), "the same mid twice is one message");
            JsonObject listed = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getJsonObject(0);
            JsonObject person = ApiClient.object(api.get("/api/v1/contacts/" + listed.getJsonNumber("contactId")));
            for (int i = 0; i < 50 && person.getString("fullName", null) == null; i++) { // asked of Meta after the message's commit
                Thread.sleep(100);
                person = ApiClient.object(api.get("/api/v1/contacts/" + listed.getJsonNumber("contactId")));
            }
            assertEquals("Maija Virtanen", person.getString("fullName", null), "named from the Messenger profile: " + person);
            for (int i = 0; i < 50 && person.getString("picture", null) == null; i++) { // fetched from the profile's expiring link right after the name
                Thread.sleep(100);
                person = ApiClient.object(api.get("/api/v1/contacts/" + listed.getJsonNumber("contactId")));
            }
            assertEquals("files/contacts/" + listed.getJsonNumber("contactId") + "/picture", person.getString("picture", null), person.toString());
            awaitSent(facebook, 2);
            List<org.switchboard.testing.FakeGraphApi.Sent> said = facebook.sent();
            assertTrue(said.stream().anyMatch(s -> "Thanks! We answer within the hour.".equals(s.body().getJsonObject("message").getString("text"))), said.toString());
            JsonObject prompt = said.stream().map(s -> s.body().getJsonObject("message")).filter(m -> m.containsKey("quick_replies")).findFirst().orElseThrow();
            assertTrue(prompt.getString("text").startsWith("We keep this conversation"), prompt.toString());
            assertEquals("I agree / Hyväksyn", prompt.getJsonArray("quick_replies").getJsonObject(0).getString("title"));
            assertTrue(said.stream().allMatch(s -> "RESPONSE".equals(s.body().getString("messaging_type")) && psid.equals(s.body().getJsonObject("recipient").getString("id"))));
            awaitTimeline(ticketId, "Consent asked");
            assertFalse(ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getJsonObject(0).getBoolean("awaitingRouting"),
                    "held until the person agrees");
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, psid, pageId, System.currentTimeMillis(), "\"message\":{\"mid\":\"m_"
                    + unique("q") + "\",\"text\":\"I agree / Hyv\\u00e4ksyn\",\"quick_reply\":{\"payload\":\"CONSENT_AGREE\"}}"), appSecret).statusCode());
            awaitTimeline(ticketId, "The person agreed");

            // the agent answers on the ticket page: the reply box shows the window; the echo of our own send is not a second message
            page.get(base.resolve("ticket.xhtml?id=" + ticketId).toString());
            String notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replyNotice"))).getText();
            assertTrue(notice.matches("Messenger's reply window: 2[34] h \\d+ min left\\."), notice);
            assertTrue(page.findElement(By.id("contactHistory")).getText().contains("Consent on " + channelName));
            browser.waiting().until(d -> ((Number) js(page, "var p = document.getElementById('contactPicture'); return p && p.complete ? p.naturalWidth : 0;"))
                    .intValue() == 64);
            browser.screenshot("ticket-messenger");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replyNotice"), "Messengerin vastausikkuna"));
            browser.screenshot("ticket-messenger-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replyNotice"), "Messenger's reply window"));
            assertEquals(202, api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"It left the warehouse this morning.\"}").statusCode());
            awaitSent(facebook, 3);
            org.switchboard.testing.FakeGraphApi.Sent reply = facebook.sent().get(2);
            assertEquals("RESPONSE", reply.body().getString("messaging_type"));
            String metadata = reply.body().getJsonObject("message").getString("metadata");
            JsonObject stored = awaitMessage(ticketId, m -> "It left the warehouse this morning.".equals(m.getString("text")) && "SENT".equals(m.getString("deliveryState")));
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, pageId, psid, System.currentTimeMillis(), "\"message\":{\"is_echo\":true,"
                    + "\"app_id\":1234567890123,\"metadata\":\"" + metadata + "\",\"mid\":\"" + reply.wamid() + "\",\"text\":\"It left the warehouse this morning.\"}"),
                    appSecret).statusCode());
            String inboxMid = "m_" + unique("inbox");
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, pageId, psid, System.currentTimeMillis(), "\"message\":{\"is_echo\":true,"
                    + "\"app_id\":263902037430900,\"mid\":\"" + inboxMid + "\",\"text\":\"Also answered from the Page inbox\"}"), appSecret).statusCode());
            JsonObject fromInbox = awaitMessage(ticketId, m -> "Also answered from the Page inbox".equals(m.getString("text")));
            assertEquals("OUTBOUND", fromInbox.getString("direction"), "what the page sent elsewhere is the team's reply");
            assertEquals(1, messages(ticketId).stream().filter(m -> "It left the warehouse this morning.".equals(m.getString("text"))).count(),
                    "our own send's echo is not a copy");

            // an image arrives as Facebook's expiring link: the file is fetched from it at once (no token goes there) into the message
            byte[] receipt = new byte[2048];
            random.nextBytes(receipt);
            String link = facebook.cdnFile("receipt.png", "image/png", receipt);
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, psid, pageId, System.currentTimeMillis(), "\"message\":{\"mid\":\"m_"
                    + unique("img") + "\",\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":\"" + link + "\"}}]}"), appSecret).statusCode());
            JsonObject image = awaitMessage(ticketId, m -> "[image: receipt.png]".equals(m.getString("text")) && !m.getJsonArray("attachments").isEmpty());
            assertEquals("receipt.png", image.getJsonArray("attachments").getJsonObject(0).getString("filename"));
            assertEquals(receipt.length, image.getJsonArray("attachments").getJsonObject(0).getJsonNumber("size").intValue());

            // delivery and read watermarks move our messages forward, never back
            long after = System.currentTimeMillis() + 1000;
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, psid, pageId, after, "\"read\":{\"watermark\":" + after + "}"), appSecret).statusCode());
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, psid, pageId, after, "\"delivery\":{\"mids\":[\"" + reply.wamid()
                    + "\"],\"watermark\":" + after + "}"), appSecret).statusCode());
            assertEquals("READ", awaitMessage(ticketId, m -> m.getJsonNumber("id").longValue() == stored.getJsonNumber("id").longValue()
                    && "READ".equals(m.getString("deliveryState"))).getString("deliveryState"));

            // a day and more later: only a person's reply, tagged HUMAN_AGENT; after a week the reply box is closed
            String late = String.valueOf(6900000000000000L + random.nextInt(999_999_999));
            java.time.Instant thirtyHoursAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(30));
            facebook.personWrote(late, thirtyHoursAgo);
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, late, pageId, thirtyHoursAgo.toEpochMilli(), "\"message\":{\"mid\":\"m_"
                    + unique("late") + "\",\"text\":\"I agree\"}"), appSecret).statusCode());
            long lateTicket = awaitTicket(channelId, "I agree");
            page.get(base.resolve("ticket.xhtml?id=" + lateTicket).toString());
            notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replyNotice"))).getText();
            assertTrue(notice.contains("HUMAN_AGENT") && notice.contains("5 d"), notice);
            browser.screenshot("ticket-messenger-human-agent");
            int before = facebook.sent().size();
            api.post("/api/v1/tickets/" + lateTicket + "/replies", "{\"text\":\"Sorry for the wait: here is the answer.\"}");
            awaitSent(facebook, before + 1);
            org.switchboard.testing.FakeGraphApi.Sent tagged = facebook.sent().get(before);
            assertEquals("MESSAGE_TAG", tagged.body().getString("messaging_type"));
            assertEquals("HUMAN_AGENT", tagged.body().getString("tag"));
            assertTrue(facebook.sent().stream().skip(before).noneMatch(s -> s.body().getJsonObject("message").getString("text").startsWith("Thanks!")),
                    "no instant reply or consent prompt outside 24 hours: automation is never tagged");
            JsonObject automatic = awaitMessage(lateTicket, m -> m.getBoolean("automatic", false) && "FAILED".equals(m.getString("deliveryState")));
            assertTrue(automatic.getString("deliveryError").contains("only a person's reply"), automatic.toString());

            String gone = String.valueOf(7000000000000000L + random.nextInt(999_999_999));
            assertEquals(200, postMessenger(meta, messengerEvent(pageId, gone, pageId, System.currentTimeMillis() - 8L * 24 * 3600 * 1000,
                    "\"message\":{\"mid\":\"m_" + unique("old") + "\",\"text\":\"Anyone there?\"}"), appSecret).statusCode());
            long goneTicket = awaitTicket(channelId, "Anyone there?");
            page.get(base.resolve("ticket.xhtml?id=" + goneTicket).toString());
            notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("replyNotice"))).getText();
            assertTrue(notice.contains("More than 7 days"), notice);
            assertFalse(page.findElement(By.id("composer:replyForm:send")).isEnabled(), "no reply can go after 7 days");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replyNotice"), "7 päivää"));
            browser.screenshot("ticket-messenger-closed-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replyNotice"), "7 days"));

            // Meta's own window error fails the reply with the reason; a revoked page token asks for a reconnect and the reply waits
            facebook.personWrote(psid, java.time.Instant.now().minus(java.time.Duration.ofDays(9)));
            api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"Meta says the window closed\"}");
            JsonObject refused = awaitMessage(ticketId, m -> "Meta says the window closed".equals(m.getString("text")) && "FAILED".equals(m.getString("deliveryState")));
            assertTrue(refused.getString("deliveryError").contains("2018278"), refused.toString());
            facebook.personWrote(psid, java.time.Instant.now());
            facebook.revokePageToken(pageToken);
            api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\":\"After the password change\"}");
            JsonObject waiting = awaitMessage(ticketId, m -> "After the password change".equals(m.getString("text")) && m.containsKey("deliveryError")
                    && !m.isNull("deliveryError"));
            assertEquals("PENDING", waiting.getString("deliveryState"), waiting.toString());
            assertTrue(ApiClient.object(api.get("/api/v1/channels/" + channelId + "/messenger")).getBoolean("reconnectNeeded"));
        }
    }

    @Test
    void anAgentMergesTwoContactsThatAreOnePersonAndBothTimelinesSaySo() throws Exception {
        String name = "Maija " + unique("Virtanen");
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Pages") + "\"}");
        String key = channel.getString("key");
        long byEmail = api.create("/api/v1/channels/" + key + "/messages", "{\"externalId\":\"" + unique("e") + "\",\"from\":{\"email\":\""
                + unique("maija") + "@example.com\",\"name\":\"" + name + "\"},\"subject\":\"Invoice question\",\"text\":\"Hello\"}").getJsonNumber("ticketId").longValue();
        String pageUser = unique("psid");
        long byPageUser = api.create("/api/v1/channels/" + key + "/messages", "{\"externalId\":\"" + unique("m") + "\",\"from\":{\"externalUserId\":\""
                + pageUser + "\",\"name\":\"" + name.toUpperCase() + "\"},\"subject\":\"Order question\",\"text\":\"Hi\"}").getJsonNumber("ticketId").longValue();
        long keep = contactOf(channel.getJsonNumber("id").longValue(), byEmail);
        long other = contactOf(channel.getJsonNumber("id").longValue(), byPageUser);
        assertNotEquals(keep, other, "two contacts until someone says they are one person");
        JsonArray lookalikes = ApiClient.array(api.get("/api/v1/contacts/" + keep + "/lookalikes"));
        assertEquals(1, lookalikes.size(), lookalikes.toString());
        assertEquals(other, lookalikes.getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(400, api.post("/api/v1/contacts/" + keep + "/merge", "{\"from\":" + keep + "}").statusCode(), "not into itself");

        String agent = "merger-" + unique("a");
        user(agent, "Mikko Yhdistäjä", "AGENT");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, agent, "agent-password");
            page.get(base.resolve("ticket.xhtml?id=" + byEmail).toString());
            String card = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("lookalikes"))).getText();
            assertTrue(card.contains("Possibly the same person") && card.contains(name.toUpperCase()) && card.contains(channel.getString("name")), card);
            js(page, "document.getElementById('lookalikes').scrollIntoView();");
            browser.screenshot("ticket-contact-lookalike");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookalikes"), "Mahdollisesti sama henkilö"));
            js(page, "document.getElementById('lookalikes').scrollIntoView();");
            browser.screenshot("ticket-contact-lookalike-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookalikes"), "Possibly the same person"));
            page.findElement(By.cssSelector("[id$=':merge']")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Merged"));
            assertTrue(page.findElements(By.id("lookalikes")).isEmpty(), "nobody else of that name now");
            assertTrue(page.findElement(By.cssSelector(".other-tickets")).getText().contains("Order question"), "the other contact's ticket is this contact's now");
            String history = page.findElement(By.id("contactHistory")).getText();
            assertTrue(history.contains("Merged with " + name.toUpperCase()) && history.contains(agent), history);
            browser.screenshot("ticket-contact-merged");
        }
        assertEquals(404, api.get("/api/v1/contacts/" + other).statusCode(), "the other contact is gone");
        assertEquals(keep, contactOf(channel.getJsonNumber("id").longValue(), byPageUser));
        for (long ticket : List.of(byEmail, byPageUser)) {
            String timeline = ApiClient.object(api.get("/api/v1/tickets/" + ticket)).getJsonArray("timeline").toString();
            assertTrue(timeline.contains("was merged into " + name), "the merge is on both timelines: " + timeline);
        }
        // the person writing again as the page user reaches the one contact
        long again = api.create("/api/v1/channels/" + key + "/messages", "{\"externalId\":\"" + unique("again") + "\",\"from\":{\"externalUserId\":\""
                + pageUser + "\"},\"subject\":\"Another question\",\"text\":\"Me again\"}").getJsonNumber("ticketId").longValue();
        assertEquals(keep, contactOf(channel.getJsonNumber("id").longValue(), again));
    }

    private long contactOf(long channelId, long ticketId) {
        return ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == ticketId).findFirst().orElseThrow().getJsonNumber("contactId").longValue();
    }

    private static String messengerEvent(String pageId, String sender, String recipient, long timestamp, String event) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + timestamp + ",\"messaging\":[{\"sender\":{\"id\":\"" + sender
                + "\"},\"recipient\":{\"id\":\"" + recipient + "\"},\"timestamp\":" + timestamp + "," + event + "}]}]}";
    }

    private static java.net.http.HttpResponse<String> postMessenger(org.switchboard.testing.HttpSession meta, String body, String secret) {
        byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return meta.post("/api/v1/inbound/messenger", "application/json", raw, org.switchboard.channels.meta.MetaSignature.HEADER,
                org.switchboard.channels.meta.MetaSignature.header(secret, raw));
    }

    private long awaitTicket(long channelId, String subject) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            java.util.Optional<JsonObject> ticket = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelId)).getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("subject").equals(subject)).findFirst();
            if (ticket.isPresent()) {
                return ticket.get().getJsonNumber("id").longValue();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ticket " + subject + " on channel " + channelId);
    }

    private JsonObject awaitMessage(long ticketId, java.util.function.Predicate<JsonObject> condition) throws InterruptedException {
        List<JsonObject> found = List.of();
        for (int i = 0; i < 100; i++) {
            found = messages(ticketId);
            java.util.Optional<JsonObject> match = found.stream().filter(condition).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such message on ticket " + ticketId + ": " + found);
    }

    private void awaitTimeline(long ticketId, String text) throws InterruptedException {
        String timeline = "";
        for (int i = 0; i < 100; i++) {
            timeline = ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("timeline").toString();
            if (timeline.contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' not on the timeline of ticket " + ticketId + ": " + timeline);
    }

    private static void awaitSent(org.switchboard.testing.FakeGraphApi facebook, int count) throws InterruptedException {
        for (int i = 0; i < 100 && facebook.sent().size() < count; i++) {
            Thread.sleep(100);
        }
        assertTrue(facebook.sent().size() >= count, "sent to Meta: " + facebook.sent());
    }

    /** A customer's WhatsApp message, signed as Meta signs it with the app secret the admin entered; its ticket. */
    @Test
    void anAdminConnectsAPhoneSystemAndAgentsSeeCallsOnTheTicketPage() throws Exception {
        String channelName = unique("Phone");
        String extension = String.valueOf(3_000_000 + new java.util.Random().nextInt(999_999));
        String agentName = unique("pia");
        long agent = api.create("/api/v1/users", "{\"username\":\"" + agentName + "\",\"fullName\":\"Pia Puhelin\",\"roles\":[\"AGENT\"],"
                + "\"paidSeat\":true,\"availability\":\"AVAILABLE\",\"callingAddress\":\"" + extension + "\"}").getJsonNumber("id").longValue();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("settings/channels.xhtml").toString());
            page.findElement(By.id("connect")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("pick-CTI"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("connectCti:name")));
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Yhdistä puhelinjärjestelmä"));
            browser.screenshot("connect-cti-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Connect a phone system"));
            page.findElement(By.id("connectCti:name")).sendKeys(channelName);
            page.findElement(By.id("connectCti:create")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "default country"));
            page.findElement(By.id("connectCti:country")).sendKeys("DE");
            page.findElement(By.id("connectCti:voicemailNumbers")).sendKeys("4930 609811111");
            page.findElement(By.id("connectCti:blockedNumbers")).sendKeys("030 111111");
            browser.screenshot("connect-cti");
            page.findElement(By.id("connectCti:create")).click();
            String url = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ctiWebhookUrl"))).getText();
            assertTrue(url.matches(".*/webhooks/calls/[A-Za-z0-9_-]{32}"), url);
            page.findElement(By.id("openChannel")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ctiChannelCard")));
            assertEquals("+4930111111", page.findElement(By.id("ctiSettings:blockedNumbers")).getAttribute("value"), "kept in E.164");
            js(page, "document.getElementById('ctiChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-cti");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ctiChannelCard"), "Webhook-osoite"));
            js(page, "document.getElementById('ctiChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-cti-fi");
            page.findElement(By.id("ctiToken:renewToken")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            browser.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("ctiWebhookUrl"), url)));
            String renewed = page.findElement(By.id("ctiWebhookUrl")).getText();
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ctiChannelCard"), "Webhook URL"));

            // the old URL stops at once; calls arrive on the new one: one answered, one missed
            org.switchboard.testing.HttpSession phone = new org.switchboard.testing.HttpSession(base);
            String oldToken = url.substring(url.lastIndexOf('/') + 1);
            String token = renewed.substring(renewed.lastIndexOf('/') + 1);
            assertEquals(401, phone.post("/webhooks/calls/" + oldToken, "application/x-www-form-urlencoded",
                    "event=newCall&callId=x&direction=in&from=1&to=2".getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
            String caller = "+49221" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
            String answered = unique("a");
            String national = "0" + caller.substring(3, 6) + " " + caller.substring(6);
            for (String event : List.of("event=newCall&direction=in&callId=" + answered + "&from=" + national + "&to=493023125741",
                    "event=answer&direction=in&callId=" + answered + "&from=" + national + "&to=493023125741&answeringNumber=" + extension,
                    "event=hangup&direction=in&callId=" + answered + "&from=" + national + "&to=493023125741&cause=normalClearing")) {
                assertEquals(200, phone.post("/webhooks/calls/" + token, "application/x-www-form-urlencoded",
                        event.replace(" ", "+").getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
                Thread.sleep(1000); // a call that lasts a moment
            }
            String missed = unique("m");
            for (String event : List.of("event=newCall&direction=in&callId=" + missed + "&from=" + caller.substring(1) + "&to=493023125741",
                    "event=hangup&direction=in&callId=" + missed + "&from=" + caller.substring(1) + "&to=493023125741&cause=cancel")) {
                assertEquals(200, phone.post("/webhooks/calls/" + token, "application/x-www-form-urlencoded",
                        event.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
            }
            long ticketId = -1;
            for (int i = 0; i < 100 && ticketId < 0; i++) {
                List<JsonObject> items = ApiClient.object(api.get("/api/v1/tickets?q=" + java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8)))
                        .getJsonArray("items").getValuesAs(JsonObject.class);
                if (!items.isEmpty()) {
                    ticketId = items.get(0).getJsonNumber("id").longValue();
                } else {
                    Thread.sleep(100);
                }
            }
            assertTrue(ticketId > 0, "a ticket for the caller");
            page.get(base.resolve("ticket.xhtml?id=" + ticketId).toString());
            browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".call-card"), 2));
            List<WebElement> cards = page.findElements(By.cssSelector(".call-card"));
            assertTrue(cards.get(0).getText().contains("Incoming call") && cards.get(0).getText().contains("Answered"), cards.get(0).getText());
            assertTrue(cards.get(0).getText().contains(agentName) && cards.get(0).getText().contains(caller), cards.get(0).getText());
            assertTrue(cards.get(0).findElement(By.cssSelector(".call-duration")).getText().matches("0:0[1-9]"), "talk time shown");
            assertTrue(cards.get(1).getText().contains("Missed") && cards.get(1).getText().contains("cancel"), cards.get(1).getText());
            assertEquals("tel:" + caller, cards.get(1).findElement(By.cssSelector("a.call-back")).getAttribute("href"), "a missed call can be called back");
            assertTrue(cards.get(0).findElements(By.cssSelector("a.call-back")).isEmpty(), "an answered call needs no call back");
            String reply = page.findElement(By.id("replyNotice")).getText();
            assertTrue(reply.contains("call the contact back"), reply);
            assertEquals(String.valueOf(agent), String.valueOf(ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonObject("ticket").getJsonNumber("ownerId")),
                    "the answering agent has the ticket");
            browser.screenshot("ticket-calls");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Vastaamaton"));
            assertTrue(page.findElement(By.id("conversation")).getText().contains("Saapuva puhelu"));
            browser.screenshot("ticket-calls-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Missed"));

            // a customer who wrote before calls, ringing the admin: the notice shows who calls and their open ticket, on any page
            String namedCaller = "+49221" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
            String email = unique("kaarina") + "@example.de";
            String earlier = unique("Lieferung fehlt");
            long earlierTicket = api.create("/api/v1/tickets", "{\"subject\":\"" + earlier + "\",\"contact\":{\"email\":\"" + email
                    + "\",\"phone\":\"" + namedCaller + "\",\"name\":\"Kaarina Koskinen\"}}").getJsonNumber("id").longValue();
            page.get(base.toString());
            // no wait for the page's push channel: a call rung before it connects is sent to it when it does
            String again = unique("r");
            String ringsAdmin = "event=newCall&direction=in&callId=" + again + "&from=" + namedCaller.substring(1) + "&to=493023125741&user%5B%5D=admin";
            assertEquals(200, phone.post("/webhooks/calls/" + token, "application/x-www-form-urlencoded", ringsAdmin.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
            WebElement notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".call-notice")));
            String card = notice.getText();
            assertTrue(card.contains("Incoming call") && card.contains("Kaarina Koskinen") && card.contains(namedCaller) && card.contains(email)
                    && card.contains(channelName), card);
            assertTrue(card.contains("Other open tickets") && card.contains(earlier), card);
            assertEquals(base.resolve("ticket.xhtml?id=" + earlierTicket).toString(), notice.findElement(By.cssSelector(".call-notice-tickets a")).getAttribute("href"),
                    "the other open ticket is a link");
            browser.screenshot("incoming-call");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".call-notice"), "Saapuva puhelu"));
            assertTrue(page.findElement(By.cssSelector(".call-notice")).getText().contains("Muut avoimet tiketit"), "a page opened while it rings shows it, in the agent's language");
            browser.screenshot("incoming-call-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".call-notice"), "Incoming call"));
            // Open ticket: the call's own ticket, ringing; the notice stays while it rings
            page.findElement(By.cssSelector("a.call-notice-open")).click();
            try {
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Ringing"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(page.getCurrentUrl() + "\n" + page.findElement(By.tagName("body")).getText(), e);
            }
            assertTrue(page.getCurrentUrl().contains("ticket.xhtml?id=") && !page.getCurrentUrl().endsWith("id=" + earlierTicket), page.getCurrentUrl());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".call-notice")));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#incomingCalls[data-live='true']")));

            // a call that rings someone else is not shown here
            String other = unique("o");
            String otherCaller = "49221" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
            assertEquals(200, phone.post("/webhooks/calls/" + token, "application/x-www-form-urlencoded", ("event=newCall&direction=in&callId=" + other
                    + "&from=" + otherCaller + "&to=493023125741&user%5B%5D=" + agentName).getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
            Thread.sleep(3000);
            assertEquals(1, page.findElements(By.cssSelector(".call-notice")).size(), "only the call that rings this agent");

            // answered: the notice goes
            assertEquals(200, phone.post("/webhooks/calls/" + token, "application/x-www-form-urlencoded", ("event=answer&direction=in&callId=" + again
                    + "&from=" + namedCaller.substring(1) + "&to=493023125741&user=admin").getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
            browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".call-notice"), 0));
            for (String hangup : List.of("event=hangup&direction=in&callId=" + again + "&from=" + namedCaller.substring(1) + "&to=493023125741&cause=normalClearing",
                    "event=hangup&direction=in&callId=" + other + "&from=" + otherCaller + "&to=493023125741&cause=cancel")) {
                assertEquals(200, phone.post("/webhooks/calls/" + token, "application/x-www-form-urlencoded", hangup.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
            }
        }
    }

    @Test
    void anAdminConnectsATwilioNumberAgentsPlayVoicemailsAndCallContactsBack() throws Exception {
        String account = "AC" + java.util.UUID.randomUUID().toString().replace("-", "");
        String token = "auth-" + unique("t");
        String username = unique("tove");
        String password = "tove-password-1";
        api.create("/api/v1/users", "{\"username\":\"" + username + "\",\"fullName\":\"Tove Twilio\",\"roles\":[\"AGENT\",\"ADMIN\"],\"paidSeat\":true,"
                + "\"availability\":\"AWAY\",\"password\":\"" + password + "\",\"callingAddress\":\"client:" + username + "\"}");
        String channelName = unique("Twilio");
        try (org.switchboard.testing.FakeTwilio fake = new org.switchboard.testing.FakeTwilio(account, token); Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, username, password);
            page.get(base.resolve("settings/channels.xhtml").toString());
            page.findElement(By.id("connect")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("pick-TWILIO_VOICE"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("connectTwilio:name")));
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Yhdistä Twilio-numero"));
            browser.screenshot("connect-twilio-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Connect a Twilio number"));
            page.findElement(By.id("connectTwilio:name")).sendKeys(channelName);
            page.findElement(By.id("connectTwilio:accountSid")).sendKeys(account);
            page.findElement(By.id("connectTwilio:authToken")).sendKeys(token);
            page.findElement(By.id("connectTwilio:phoneNumber")).sendKeys("09 4245 1234");
            page.findElement(By.id("connectTwilio:country")).sendKeys("FI");
            browser.screenshot("connect-twilio");
            page.findElement(By.id("connectTwilio:create")).click();
            String voiceUrl = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("twilioVoiceUrl"))).getText();
            assertTrue(voiceUrl.matches(".*/webhooks/twilio/[A-Za-z0-9_-]+/voice"), voiceUrl);
            assertFalse(page.getPageSource().contains(token), "the auth token is never shown back");
            page.findElement(By.id("openChannel")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("twilioChannelCard")));
            js(page, "document.getElementById('twilioChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-twilio");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("twilioChannelCard"), "Puhelu saapuu"));
            js(page, "document.getElementById('twilioChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-twilio-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("twilioChannelCard"), "A call comes in"));

            // nobody available: a voicemail, fetched from Twilio and played on the ticket page
            org.switchboard.testing.HttpSession twilio = new org.switchboard.testing.HttpSession(base);
            String hooks = voiceUrl.substring(0, voiceUrl.length() - "voice".length());
            String callSid = "CA" + java.util.UUID.randomUUID().toString().replace("-", "");
            String caller = "+35840" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
            String call = "CallSid=" + callSid + "&From=" + java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8)
                    + "&To=%2B358942451234&CallStatus=ringing&Direction=inbound";
            for (String[] request : new String[][] {{voiceUrl, call},
                    {hooks + "recording", "CallSid=" + callSid + "&RecordingSid=RE" + callSid.substring(2) + "&RecordingStatus=completed&RecordingDuration=1&RecordingUrl="
                            + java.net.URLEncoder.encode(fake.recordingUrl("RE" + callSid.substring(2)), java.nio.charset.StandardCharsets.UTF_8)},
                    {hooks + "status", call.replace("CallStatus=ringing", "CallStatus=completed")}}) {
                java.net.http.HttpResponse<String> answered = twilio.post(request[0].substring(request[0].indexOf("/webhooks/")), "application/x-www-form-urlencoded",
                        request[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), org.switchboard.channels.twilio.control.TwilioSignature.HEADER,
                        org.switchboard.testing.FakeTwilio.sign(token, request[0], request[1]));
                assertEquals(200, answered.statusCode(), answered.body());
            }
            long ticketId = -1;
            for (int i = 0; i < 150 && ticketId < 0; i++) {
                List<JsonObject> items = ApiClient.object(api.get("/api/v1/tickets?q=" + java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8)))
                        .getJsonArray("items").getValuesAs(JsonObject.class);
                if (!items.isEmpty() && api.get("/api/v1/tickets/" + items.get(0).getJsonNumber("id")).body().contains("audio/mpeg")) {
                    ticketId = items.get(0).getJsonNumber("id").longValue();
                } else {
                    Thread.sleep(100);
                }
            }
            assertTrue(ticketId > 0, "the voicemail fetched into the ticket");
            page.get(base.resolve("ticket.xhtml?id=" + ticketId).toString());
            WebElement card = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".call-card")));
            assertTrue(card.getText().contains("Voicemail"), card.getText());
            WebElement audio = page.findElement(By.cssSelector("audio.recording"));
            js(page, "arguments[0].preload = 'auto'; arguments[0].load();", audio);
            browser.waiting().until(driver -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return arguments[0].readyState >= 1 && arguments[0].duration > 0.5 && !arguments[0].error;", audio)));
            Object duration = ((org.openqa.selenium.JavascriptExecutor) page).executeScript("return arguments[0].duration;", audio);
            assertTrue(((Number) duration).doubleValue() < 2, "Chromium read the recording: " + duration + " s");
            browser.screenshot("ticket-voicemail");

            // click-to-call: Twilio is asked to ring the agent's browser phone, then the contact
            page.findElement(By.id("callForm:callContact")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Your phone rings now"));
            java.util.Map<String, List<String>> asked = fake.placed().get(fake.placed().size() - 1);
            assertEquals(List.of("client:" + username), asked.get("To"));
            assertTrue(asked.get("Url").get(0).contains(java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8)), asked.toString());
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Outgoing call"));
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Vastaajaviesti"));
            browser.screenshot("ticket-voicemail-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
        }
    }

    /** In this language, clicks the Quote link of the ticket's (one) customer message and waits for the reply box to show it. */
    private static void quote(Browser browser, WebDriver page, String link, String language, String label) {
        new Select(page.findElement(By.id("preferences:language"))).selectByValue(language);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.message.inbound .quote-link"), link));
        page.findElement(By.cssSelector("article.message.inbound .quote-link")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("composer:replyForm:replyQuote"), label));
    }

    private long whatsAppTicket(String phoneNumberId, String waId, String wamid, long timestamp, String text) throws InterruptedException {
        byte[] raw = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"358401234567\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Asiakas " + waId.substring(waId.length() - 3) + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}]},\"field\":\"messages\"}]}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> posted = new org.switchboard.testing.HttpSession(base).post("/api/v1/inbound/whatsapp", "application/json", raw,
                org.switchboard.channels.meta.MetaSignature.HEADER, org.switchboard.channels.meta.MetaSignature.header("the-app-secret", raw));
        assertEquals(200, posted.statusCode(), posted.body());
        for (int i = 0; i < 50; i++) {
            java.util.Optional<JsonObject> ticket = ApiClient.object(api.get("/api/v1/tickets?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)))
                    .getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(t -> t.getString("subject").equals(text)).findFirst();
            if (ticket.isPresent()) {
                return ticket.get().getJsonNumber("id").longValue();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ticket for " + text);
    }

    @Test
    void everyPageWorksUnderItsContentSecurityPolicyAndTheSessionCookieStaysOnThisSite() throws Exception {
        java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(base.resolve("login.xhtml")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("object-src 'none'") && policy.contains("frame-ancestors 'self'"),
                "pages carry a CSP: " + login.headers().map());
        assertTrue(login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.toLowerCase().contains("samesite=lax")), login.headers().map().toString());

        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("CSP") + "\"}");
        long ticketId = api.create("/api/v1/channels/" + channel.getString("key") + "/messages", "{\"externalId\":\"" + unique("csp")
                + "\",\"from\":{\"email\":\"csp@example.com\"},\"subject\":\"Policy check\",\"text\":\"Hello\"}").getJsonNumber("ticketId").longValue();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            assertEquals("lax", page.manage().getCookieNamed("JSESSIONID").getSameSite().toLowerCase());
            browser.consoleErrors();
            for (String path : List.of("", "ticket.xhtml?id=" + ticketId, "settings/channels.xhtml", "settings/channel.xhtml?id=" + channel.getInt("id"),
                    "settings/connect-email.xhtml", "settings/connect-custom.xhtml", "settings/connect-chat.xhtml", "settings/connect-whatsapp.xhtml",
                    "settings/users.xhtml", "settings/api-tokens.xhtml", "operations/imports.xhtml")) {
                page.get(base.resolve(path).toString());
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("userMenu")));
                sleep(300);
                List<String> refused = browser.consoleErrors().stream().filter(e -> e.contains("Content Security Policy")).toList();
                assertTrue(refused.isEmpty(), "/" + path + " ran into its CSP: " + refused);
            }
            // a script from anywhere but this site is not loaded
            page.get(base.resolve("ticket.xhtml?id=" + ticketId).toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("userMenu")));
            browser.consoleErrors();
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                    "var s = document.createElement('script'); s.src = 'http://127.0.0.2:9/evil.js'; document.body.appendChild(s);");
            sleep(500);
            assertTrue(browser.consoleErrors().stream().anyMatch(e -> e.contains("Content Security Policy") && e.contains("evil.js")),
                    "the foreign script was refused by the policy");
        }
    }

    @Test
    void anOperatorStartsInOperationsAndSeesNoTickets() {
        String name = "operator-" + unique("o");
        user(name, "Olli Operaattori", "OPERATOR");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, name, "agent-password");
            assertTrue(page.getCurrentUrl().contains("/operations/imports.xhtml"), page.getCurrentUrl());
            for (String workspacePage : List.of("", "?view=closed", "ticket.xhtml?id=1", "files/attachments/1", "files/contacts/1/picture")) {
                page.get(base.resolve(workspacePage).toString());
                assertTrue(page.findElement(By.tagName("body")).getText().contains("You do not have access"), workspacePage + " is refused");
            }
        }
    }

    @Test
    void aUserSwitchesToFinnishAndTheWorkspaceStaysFinnishAfterSigningInAgain() {
        String name = "aino-" + unique("f");
        long aino = user(name, "Aino Asiakaspalvelija", "AGENT");
        long ticketId = api.create("/api/v1/tickets", "{\"subject\":\"" + unique("Lasku") + "\",\"priority\":\"HIGH\",\"ownerId\":" + aino
                + ",\"contact\":{\"email\":\"" + unique("liisa") + "@example.fi\"}}").getJsonNumber("id").longValue();
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, name, "agent-password");
            assertEquals("All open", page.findElement(By.id("viewTitle")).getText());
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBe(By.id("viewTitle"), "Kaikki avoimet"));
            assertEquals("fi", page.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(page.findElement(By.id("view-unassigned")).getText().startsWith("Määrittämättömät"));
            browser.screenshot("workspace-fi");
            page.findElement(By.id("userMenu:signOut")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
            signIn(browser, name, "agent-password");
            assertEquals("Kaikki avoimet", page.findElement(By.id("viewTitle")).getText(), "the language is the user's, not the browser's");

            // the timeline is stored as data and reads in the reader's language (entries made by the English API call)
            page.get(base.resolve("ticket.xhtml?id=" + ticketId).toString());
            String timeline = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline"))).getText();
            assertTrue(timeline.contains("Luotu lähteestä API"), timeline);
            assertTrue(timeline.contains("Määritetty käyttäjälle " + name), timeline);
            assertFalse(timeline.contains("Assigned to"), timeline);
            js(page, "document.getElementById('timeline').scrollIntoView();");
            browser.screenshot("ticket-timeline-fi");
        }
    }

    /** Settings → Forms makes and connects a form; a visitor fills its hosted page in Chromium; what they typed runs nowhere. */
    @Test
    void aVisitorFillsTheHostedFormAndItsTicketShowsWhatTheyWroteAsText() throws Exception {
        String pwned = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
        String replyChannel = unique("Replies mail");
        api.create("/api/v1/channels", "{\"type\":\"TEAM_EMAIL\",\"name\":\"" + replyChannel + "\"}");
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("settings/forms.xhtml").toString());
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Forms"));
            page.findElement(By.id("forms:newContactForm")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "A contact form was made"));
            By newest = By.xpath("(//tr[td//strong[text()='Contact form']])[last()]");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(newest)).findElement(By.tagName("button")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The form is in the help desk"));
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(newest, "In the help desk"));
            browser.screenshot("settings-forms");

            // the builder: add a drop-down with options in both languages; the preview shows it as a visitor will
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(newest)).findElement(By.className("edit-form")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("builder:addField")));
            new Select(page.findElement(By.id("builder:newKind"))).selectByValue("SELECT");
            page.findElement(By.id("builder:addField")).click();
            By topic = By.cssSelector("fieldset[id^='field-select_'] input[id$=':labelEn']");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(topic)).sendKeys("Topic");
            page.findElement(By.cssSelector("fieldset[id^='field-select_'] input[id$=':labelFi']")).sendKeys("Aihe");
            page.findElement(By.id("builder:save")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The form was saved"));
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Topic"));
            assertTrue(page.findElement(By.id("preview")).getText().contains("Your name"), page.findElement(By.id("preview")).getText());
            browser.screenshot("settings-form-builder");
            page.findElement(By.cssSelector("input[type=radio][value=fi]")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Aihe"));
            browser.screenshot("settings-form-builder-preview-fi");

            // beside the builder: the team email channel that answers, and the form's own spam defence
            new Select(page.findElement(By.id("replies:replyChannel"))).selectByVisibleText(replyChannel);
            page.findElement(By.id("replies:saveReplies")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Submitters are answered from the chosen channel"));
            page.findElement(By.id("protection:perAddressHour")).sendKeys("5");
            page.findElement(By.id("protection:allowedOrigins")).sendKeys("www.acme.example");
            page.findElement(By.id("protection:saveProtection")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "allowedOrigins[0]"));
            page.findElement(By.id("protection:allowedOrigins")).clear();
            page.findElement(By.id("protection:allowedOrigins")).sendKeys("https://WWW.acme.example/\nhttps://shop.acme.example");
            page.findElement(By.id("protection:saveProtection")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The spam defence was saved"));
            assertEquals("https://www.acme.example\nhttps://shop.acme.example", page.findElement(By.id("protection:allowedOrigins")).getAttribute("value"));
            browser.screenshot("settings-form-replies-protection");

            JsonObject form = ApiClient.array(api.get("/api/v1/forms")).stream().map(JsonValue::asJsonObject)
                    .filter(f -> f.getString("name").equals("Contact form")).reduce((a, b) -> b).orElseThrow();
            assertEquals(5, form.getJsonObject("protection").getInt("perAddressHour"), form.toString());
            long replyChannelId = ApiClient.array(api.get("/api/v1/channels")).stream().map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("name").equals(replyChannel)).findFirst().orElseThrow().getJsonNumber("id").longValue();
            assertEquals(replyChannelId, form.getJsonNumber("replyChannelId").longValue(), form.toString());
            // the shop page below is served from a loopback port: any site may embed the form again
            api.send("PUT", "/api/v1/forms/" + form.getInt("id") + "/protection", "{\"perAddressHour\":5}");
            page.get(base.resolve(form.getString("hostedPath")).toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name"))).sendKeys("Liisa " + pwned);
            page.findElement(By.id("f-email")).sendKeys("liisa.form@example.fi");
            page.findElement(By.id("f-message")).sendKeys("My order is late " + pwned);
            page.findElement(By.id("f-consent")).click();
            browser.screenshot("form-hosted");
            sleep(1100); // the test server's minimum fill time
            page.findElement(By.cssSelector("button[type=submit]")).click();
            String thanks = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sb-message"))).getText();
            assertTrue(thanks.contains("We received your message"), thanks);
            assertNull(js(page, "return window.__pwned;"));
            browser.screenshot("form-thanks");

            JsonObject summary = ApiClient.object(api.get("/api/v1/tickets?channel=" + form.getJsonNumber("channelId").longValue()))
                    .getJsonArray("items").getJsonObject(0);
            page.get(base.resolve("ticket.xhtml?id=" + summary.getJsonNumber("id").longValue()).toString());
            String conversation = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation"))).getText();
            assertTrue(conversation.contains("My order is late <script>window.__pwned=1</script>"), "shown as text: " + conversation);
            assertNull(js(page, "return window.__pwned;"), "nothing the visitor typed ran in the workspace");
            String history = page.findElement(By.id("contactHistory")).getText();
            assertTrue(history.contains("Contact form") && history.contains("My order is late"),
                    "the contact card keeps the submission with its values: " + history);
            browser.screenshot("ticket-from-form");

            // the one-tag embed on a page of another site (another origin): the form renders there and posts across origins
            String sb = base.toString().replaceAll("/$", "");
            String shop = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Acme shop</title></head><body><h1>Acme shop</h1>"
                    + "<div id=\"contact\" data-switchboard-form=\"" + form.getString("key") + "\"></div>"
                    + "<script src=\"" + sb + "/static/form-embed.js\" async></script></body></html>";
            try (org.switchboard.testing.HostPage site = org.switchboard.testing.HostPage.serving(path -> shop)) {
                page.get(site.url("/contact?utm_campaign=embed"));
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#contact #f-email"))).sendKeys("not an address");
                sleep(1100);
                page.findElement(By.cssSelector("#contact button[type=submit]")).click();
                String inline = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("f-email-error"))).getText();
                assertTrue(inline.contains("Enter an email address"), inline);
                assertEquals("true", page.findElement(By.id("f-email")).getAttribute("aria-invalid"));
                browser.screenshot("form-embedded-errors");
                page.findElement(By.id("f-email")).clear();
                page.findElement(By.id("f-email")).sendKeys("embedded@example.fi");
                page.findElement(By.id("f-name")).sendKeys("Eero Embed");
                page.findElement(By.id("f-message")).sendKeys("Sent from the shop page");
                page.findElement(By.id("f-consent")).click();
                page.findElement(By.cssSelector("#contact button[type=submit]")).click();
                String done = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#contact .sb-done"))).getText();
                assertTrue(done.contains("We received your message"), done);
                browser.screenshot("form-embedded");
            }
            assertEquals(2, ApiClient.object(api.get("/api/v1/tickets?channel=" + form.getJsonNumber("channelId").longValue())).getJsonArray("items").size(),
                    "the embedded form's submission is a ticket too");

            // the form channel's own page names its form and the channel that answers it
            page.get(base.resolve("settings/channel.xhtml?id=" + form.getJsonNumber("channelId").longValue()).toString());
            String card = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("formChannelCard"))).getText();
            assertTrue(card.contains("Contact form") && card.contains(replyChannel) && card.contains("/" + form.getString("hostedPath")), card);
            js(page, "document.getElementById('formChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-form");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("formChannelCard"), "Lomake ja roskapostisuoja"));
            js(page, "document.getElementById('formChannelCard').scrollIntoView();");
            browser.screenshot("settings-channel-form-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("formChannelCard"), "Form and spam defence"));

            // Finnish: the visitor's errors, and the settings screen
            page.get(base.resolve(form.getString("hostedPath") + "?lang=fi").toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("f-email"))).sendKeys("ei-osoite");
            sleep(1100);
            page.findElement(By.cssSelector("button[type=submit]")).click();
            String errors = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sb-errors"))).getText();
            assertTrue(errors.contains("Tarkista alla merkityt kentät") && errors.contains("Anna sähköpostiosoite"), errors);
            browser.screenshot("form-errors-fi");
            page.get(base.resolve("settings/forms.xhtml").toString());
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Lomakkeet"));
            browser.screenshot("settings-forms-fi");
            page.get(base.resolve("settings/form.xhtml?id=" + form.getInt("id")).toString());
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("protection"), "Roskapostisuoja"));
            js(page, "document.getElementById('protection').scrollIntoView();");
            browser.screenshot("settings-form-builder-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("protection"), "Spam defence"));
        }
    }

    @Test
    void theTicketListPagesByKeysetFiltersAndSearches() {
        JsonObject channel = api.create("/api/v1/channels", "{\"type\":\"CUSTOM\",\"name\":\"" + unique("Paging") + "\"}");
        String tag = unique("p");
        for (int i = 1; i <= 30; i++) {
            api.create("/api/v1/channels/" + channel.getString("key") + "/messages", "{\"externalId\":\"" + tag + i + "\",\"from\":{\"email\":\""
                    + tag + i + "@example.com\",\"name\":\"Pat " + i + "\"},\"subject\":\"" + tag + " question " + i + "\",\"text\":\"q\"}");
        }
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            signIn(browser, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("?view=channel&channel=" + channel.getJsonNumber("id")).toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tickets:list")));
            List<String> first = subjects(page);
            assertEquals(25, first.size());
            assertEquals(tag + " question 30", first.get(0), "newest first");
            assertTrue(page.findElement(By.cssSelector(".views li.current")).getText().contains("30"), "the channel's count in the sidebar");
            page.findElement(By.id("tickets:next")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tickets:page"), "2"));
            List<String> second = subjects(page);
            assertEquals(List.of(tag + " question 5", tag + " question 4", tag + " question 3", tag + " question 2", tag + " question 1"), second);
            page.findElement(By.id("tickets:previous")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tickets:page"), "1"));
            assertEquals(first, subjects(page));

            var found = ApiClient.object(api.get("/api/v1/tickets?channel=" + channel.getJsonNumber("id") + "&q=pat%2017")).getJsonArray("items");
            assertEquals(1, found.size(), "the API searches the same way: " + found);
            assertEquals(400, api.get("/api/v1/tickets?priority=SOMETIMES").statusCode(), "an unknown priority is a 400, not a 404");
            page.findElement(By.id("filters:search")).sendKeys("Pat 17");
            page.findElement(By.id("filters:apply")).click();
            browser.waiting().until(d -> subjects(d).size() == 1);
            assertEquals(List.of(tag + " question 17"), subjects(page), "search by contact name");
            page.findElement(By.id("filters:clear")).click();
            browser.waiting().until(d -> subjects(d).size() == 25);
            page.findElement(By.xpath("//div[@id='filters:order']//*[contains(text(),'Oldest first')]")).click();
            page.findElement(By.id("filters:apply")).click();
            browser.waiting().until(d -> !subjects(d).isEmpty() && subjects(d).get(0).equals(tag + " question 1"));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The subjects in the list, read in one script call (an Ajax update may replace the rows between two reads). */
    @SuppressWarnings("unchecked")
    private static List<String> subjects(WebDriver page) {
        return (List<String>) js(page, "return Array.from(document.querySelectorAll('#tickets\\\\:list a.subject')).map(a => a.textContent.trim());");
    }

    @Test
    void aVisitorChatsFromTheWidgetOnAnotherSiteWithAnAgentAndNothingIsLostOrDoubledAcrossAReconnect() throws Exception {
        String agentName = "chat-agent-" + unique("c");
        long ainoId = user(agentName, "Aino Agentti", "AGENT");
        String channelName = unique("Website chat");
        try (Browser admin = new Browser(); Browser agent = new Browser(); Browser visitor = new Browser()) {
            // the admin connects the chat and asks for explicit consent
            WebDriver page = admin.driver();
            signIn(admin, "admin", ADMIN_PASSWORD);
            page.get(base.resolve("settings/channels.xhtml").toString());
            page.findElement(By.id("connect")).click();
            admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("pick-CHAT"))).click();
            admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("connectChat:name")));
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("connectChat"), "Keskustelut menevät"));
            admin.screenshot("connect-chat-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("connectChat"), "Conversations go to"));
            assertEquals("HELP_DESK", new Select(page.findElement(By.id("connectChat:destination"))).getFirstSelectedOption().getAttribute("value"),
                    "a new chat feeds the help desk unless the admin picks a shared inbox");
            page.findElement(By.id("connectChat:name")).sendKeys(channelName);
            admin.screenshot("connect-chat-form");
            page.findElement(By.id("connectChat:create")).click();
            String snippet = admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("embedSnippet"))).getText();
            admin.screenshot("connect-chat");
            String key = snippet.replaceAll("(?s).*data-channel=\"([^\"]+)\".*", "$1");
            page.findElement(By.id("openChannel")).click();
            admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("chatChannelCard")));
            js(page, "PF('chatConsent').selectValue('EXPLICIT');");
            page.findElement(By.id("chatSettings:consentTextEn")).sendKeys("We keep this chat to answer you. See our privacy policy.");
            page.findElement(By.id("chatSettings:saveChat")).click();
            admin.waiting().until(d -> ApiClient.object(api.get("/api/v1/channels/" + channelIdOf(channelName) + "/chat")).getString("consent").equals("EXPLICIT"));
            admin.screenshot("channel-chat");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chatChannelCard"), "Saatavuus"));
            admin.screenshot("channel-chat-fi");
            new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
            admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chatChannelCard"), "Availability"));

            // a shop page on another origin embeds the widget with one tag
            String sb = base.toString().replaceAll("/$", "");
            // a page that hides its own buttons and paints list items red: the widget must not be touched by it
            try (org.switchboard.testing.HostPage site = org.switchboard.testing.HostPage.serving(path -> "<!DOCTYPE html><html lang=\"en\"><head>"
                    + "<meta charset=\"UTF-8\"><title>Acme shop</title>"
                    + "<style>li{color:red!important;font-size:40px} button{display:none}</style></head><body><h1>Acme shop</h1>"
                    + "<script>window.SwitchboardChat = " + (path.startsWith("/poll") ? "{transport:'poll',language:'fi'}" : "{}") + ";</script>"
                    + "<script src=\"" + sb + "/widget/v1.js\" data-channel=\"" + key + "\" async></script></body></html>")) {
                signIn(agent, agentName, "agent-password");
                agent.driver().get(base.resolve("?view=open").toString());
                agent.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("viewTitle")));

                WebDriver shop = visitor.driver();
                shop.get(site.url("/products"));
                org.openqa.selenium.SearchContext widget = shadowOf(visitor);
                WebElement launcher = visitor.waiting().until(d -> widget.findElement(By.cssSelector(".launcher")));
                assertEquals(0L, js(shop, "return localStorage.length;"), "nothing stored before the visitor opens the chat");
                assertEquals("Open chat", launcher.getAttribute("aria-label"));
                launcher.click();
                WebElement text = widget.findElement(By.cssSelector("#sb-text"));
                assertEquals(Boolean.TRUE, js(shop, "return document.getElementById('switchboard-chat').shadowRoot.activeElement === arguments[0];", text),
                        "opening moves focus to the message box");
                String question = "Hello <img src=x onerror=window.__xss=1> my order " + unique("o") + " is late";
                text.sendKeys(question);
                widget.findElement(By.cssSelector(".send")).click();
                assertTrue(widget.findElement(By.cssSelector(".status")).getText().contains("Accept the terms"), "explicit consent comes first");
                widget.findElement(By.cssSelector("#sb-agree")).click();
                widget.findElement(By.cssSelector(".send")).click();
                visitor.waiting().until(d -> !widget.findElements(By.cssSelector("li.visitor[data-seq='1']:not(.pending)")).isEmpty());
                assertEquals(1L, js(shop, "return localStorage.length;"), "the conversation is kept once the visitor opened the chat");
                assertEquals(Boolean.FALSE, js(shop, "return window.__switchboardChat.state.polling;"), "the widget talks over its WebSocket");
                assertEquals("#111111", org.openqa.selenium.support.Color.fromString(widget.findElement(By.cssSelector("li.greeting")).getCssValue("color")).asHex(),
                        "the host page's CSS does not reach in");
                visitor.screenshot("chat-widget");

                // the agent sees it arrive live and replies; the visitor sees the reply with the agent's name
                WebDriver desk = agent.driver();
                String subject = question;
                agent.waiting().withTimeout(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("tickets:list"), "my order"));
                desk.findElement(By.partialLinkText("my order")).click();
                agent.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), subject));
                assertNull(js(desk, "return window.__xss;"), "the visitor's markup runs nowhere in the workspace");
                String history = desk.findElement(By.id("contactHistory")).getText();
                assertTrue(history.contains("Consent on " + channelName) && history.contains("The visitor must accept before sending")
                        && history.contains("We keep this chat to answer you."), "the consent the visitor accepted is on the contact: " + history);
                desk.findElement(By.id("composer:replyForm:replyText")).sendKeys("Your parcel leaves today.");
                desk.findElement(By.id("composer:replyForm:send")).click();
                WebElement answer = visitor.waiting().until(d -> widget.findElement(By.cssSelector("li.agent")));
                assertTrue(answer.getText().contains("Aino Agentti") && answer.getText().contains("Your parcel leaves today."), answer.getText());
                assertNull(js(shop, "return window.__xss;"), "nor in the widget");
                long ticketId = Long.parseLong(desk.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
                agent.waiting().until(d -> messages(ticketId).stream().anyMatch(m -> m.getString("deliveryState").equals("READ")));

                // the connection drops: a reply comes meanwhile and the visitor writes; when it is back, both arrive once
                js(shop, "window.dispatchEvent(new Event('offline'));");
                visitor.waiting().until(d -> widget.findElement(By.cssSelector(".status")).getText().contains("Reconnecting"));
                desk.findElement(By.id("composer:replyForm:replyText")).sendKeys("Are you still there?");
                desk.findElement(By.id("composer:replyForm:send")).click();
                agent.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Are you still there?"));
                widget.findElement(By.cssSelector("#sb-text")).sendKeys("Yes, thanks" + org.openqa.selenium.Keys.ENTER);
                assertEquals(1, widget.findElements(By.cssSelector("li.visitor.pending")).size(), "kept while offline");
                js(shop, "window.dispatchEvent(new Event('online'));");
                visitor.waiting().until(d -> widget.findElements(By.cssSelector("li.pending")).isEmpty()
                        && widget.findElements(By.cssSelector("li.agent")).size() == 2);
                agent.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Yes, thanks"));
                List<String> texts = messages(ticketId).stream().map(m -> m.getString("text")).toList();
                assertEquals(List.of(question, "Your parcel leaves today.", "Are you still there?", "Yes, thanks"), texts);
                assertEquals(List.of("1", "2", "3", "4"), widget.findElements(By.cssSelector("li[data-seq]")).stream()
                        .map(li -> li.getAttribute("data-seq")).toList(), "every line once, in order");

                // where WebSockets are blocked the widget long-polls; its texts follow the visitor's language
                try (Browser finn = new Browser()) {
                    finn.driver().get(site.url("/poll"));
                    org.openqa.selenium.SearchContext fiWidget = shadowOf(finn);
                    WebElement fiLauncher = finn.waiting().until(d -> fiWidget.findElement(By.cssSelector(".launcher")));
                    assertEquals("Avaa chat", fiLauncher.getAttribute("aria-label"));
                    fiLauncher.click();
                    fiWidget.findElement(By.cssSelector("#sb-agree")).click();
                    String kysymys = "Hei, toimitus " + unique("t");
                    fiWidget.findElement(By.cssSelector("#sb-text")).sendKeys(kysymys + org.openqa.selenium.Keys.ENTER);
                    finn.waiting().until(d -> !fiWidget.findElements(By.cssSelector("li.visitor[data-seq='1']:not(.pending)")).isEmpty());
                    long fiTicket = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelIdOf(channelName))).getJsonArray("items")
                            .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("subject").equals(kysymys)).findFirst().orElseThrow()
                            .getJsonNumber("id").longValue();
                    api.post("/api/v1/tickets/" + fiTicket + "/replies", "{\"text\":\"Lähtee tänään.\"}");
                    finn.waiting().until(d -> fiWidget.findElement(By.cssSelector("li.agent")).getText().contains("Lähtee tänään."));
                    assertTrue(finn.driver().manage().logs().get("browser").getAll().stream().noneMatch(l -> l.getMessage().contains("/widget/socket")),
                            "no WebSocket was tried");
                    finn.screenshot("chat-widget-fi");
                }

                // the admin gives the channel a bot from the example, tries it in the preview (unsaved) and saves it
                admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("chatBot:example"))).click();
                admin.waiting().until(d -> d.findElements(By.cssSelector("#botSteps .bot-step")).size() == 5);
                admin.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#botPreview input[value='Billing']"))).click();
                admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("previewLines"), "What email address should we answer to?"));
                admin.waiting().until(ExpectedConditions.elementToBeClickable(By.id("chatBot:previewAnswer"))).sendKeys("preview@example.com");
                page.findElement(By.id("chatBot:previewSend")).click();
                admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("botPreview"), "Handed to a person"));
                js(page, "document.getElementById('botPreview').scrollIntoView();");
                admin.screenshot("channel-chat-bot-preview");
                page.findElement(By.id("chatBot:saveBot")).click();
                admin.waiting().until(d -> api.get("/api/v1/channels/" + channelIdOf(channelName) + "/chat/bot").statusCode() == 200);
                js(page, "document.getElementById('chatBotCard').scrollIntoView();");
                admin.screenshot("channel-chat-bot");
                new Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
                admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chatBotCard"), "Botti vastaa uusiin keskusteluihin"));
                admin.waiting().until(d -> d.findElements(By.cssSelector("#botSteps .bot-step")).size() == 5);
                js(page, "document.getElementById('chatBotCard').scrollIntoView();");
                admin.screenshot("channel-chat-bot-fi");
                new Select(page.findElement(By.id("preferences:language"))).selectByValue("en");
                admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chatBotCard"), "The bot answers new chats"));

                // a new visitor meets the bot: its question offers buttons, a press is the answer, and the handoff routes the ticket to Aino
                JsonObject chatChannel = ApiClient.object(api.get("/api/v1/channels/" + channelIdOf(channelName)));
                assertEquals(200, api.send("PUT", "/api/v1/channels/" + channelIdOf(channelName), "{\"type\":\"CHAT\",\"name\":\"" + channelName
                        + "\",\"routing\":{\"mode\":\"USERS_AND_TEAMS\",\"userIds\":[" + ainoId + "]},\"version\":"
                        + chatChannel.getJsonNumber("version").longValue() + "}").statusCode());
                try (Browser asker = new Browser()) {
                    asker.driver().get(site.url("/help"));
                    org.openqa.selenium.SearchContext botWidget = shadowOf(asker);
                    asker.waiting().until(d -> botWidget.findElement(By.cssSelector(".launcher"))).click();
                    botWidget.findElement(By.cssSelector("#sb-agree")).click();
                    String opening = "My screen flickers " + unique("b");
                    botWidget.findElement(By.cssSelector("#sb-text")).sendKeys(opening + org.openqa.selenium.Keys.ENTER);
                    WebElement technical = asker.waiting().until(d -> botWidget.findElements(By.cssSelector(".choices button")).stream()
                            .filter(b -> b.getText().equals("A technical problem")).findFirst().orElse(null));
                    assertTrue(botWidget.findElement(By.cssSelector("li.bot:last-of-type")).getText().contains("What is your question about?"));
                    asker.screenshot("chat-widget-bot");
                    long botTicket = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelIdOf(channelName))).getJsonArray("items")
                            .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("subject").equals(opening)).findFirst().orElseThrow()
                            .getJsonNumber("id").longValue();
                    JsonObject talking = ApiClient.object(api.get("/api/v1/tickets/" + botTicket)).getJsonObject("ticket");
                    assertTrue(!talking.containsKey("ownerId") && !talking.getBoolean("awaitingRouting"), "routing waits while the bot talks: " + talking);
                    technical.click();
                    asker.waiting().until(d -> botWidget.findElements(By.cssSelector("li.bot")).stream()
                            .anyMatch(li -> li.getText().contains("Someone from the team will answer here shortly.")));
                    assertTrue(botWidget.findElements(By.cssSelector(".choices button")).isEmpty(), "answered: the buttons are gone");
                    asker.waiting().until(d -> ApiClient.object(api.get("/api/v1/tickets/" + botTicket)).getJsonObject("ticket").containsKey("ownerId"));
                    assertEquals(ainoId, ApiClient.object(api.get("/api/v1/tickets/" + botTicket)).getJsonObject("ticket").getJsonNumber("ownerId").longValue());
                    assertEquals(List.of(opening, "Hi! I'm the assistant. I'll get you to the right person.", "What is your question about?",
                            "A technical problem", "Thanks! Someone from the team will answer here shortly."),
                            messages(botTicket).stream().map(m -> m.getString("text")).toList());
                }

                // outside the opening hours the widget says the team is away and asks where to answer
                String notToday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).getDayOfWeek().plus(3).name();
                api.send("PUT", "/api/v1/channels/" + channelIdOf(channelName) + "/chat", "{\"timeZone\":\"Europe/Helsinki\",\"hours\":[{\"day\":\""
                        + notToday + "\",\"opens\":\"08:00\",\"closes\":\"16:00\"}]}");
                try (Browser late = new Browser()) {
                    late.driver().get(site.url("/poll"));
                    org.openqa.selenium.SearchContext awayWidget = shadowOf(late);
                    late.waiting().until(d -> awayWidget.findElement(By.cssSelector(".launcher"))).click();
                    assertTrue(awayWidget.findElement(By.cssSelector(".away")).getText().contains("Olemme nyt poissa"));
                    awayWidget.findElement(By.cssSelector("#sb-agree")).click();
                    awayWidget.findElement(By.cssSelector("#sb-text")).sendKeys("Onko Inariin toimitusta?" + org.openqa.selenium.Keys.ENTER);
                    assertTrue(awayWidget.findElement(By.cssSelector(".status")).getText().contains("Anna sähköpostiosoitteesi"));
                    awayWidget.findElement(By.cssSelector("#sb-email")).sendKeys("myohainen@example.fi");
                    awayWidget.findElement(By.cssSelector(".send")).click();
                    late.waiting().until(d -> awayWidget.findElement(By.cssSelector(".status")).getText().contains("myohainen@example.fi"));
                    late.screenshot("chat-widget-away-fi");
                    JsonObject awayTicket = ApiClient.object(api.get("/api/v1/tickets?channel=" + channelIdOf(channelName))).getJsonArray("items")
                            .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("subject").equals("Onko Inariin toimitusta?")).findFirst().orElseThrow();
                    assertTrue(ApiClient.object(api.get("/api/v1/contacts/" + awayTicket.getJsonNumber("contactId"))).toString().contains("myohainen@example.fi"),
                            "the address the visitor left is on the contact, for the answer by email");
                }
            }
        }
    }

    private static org.openqa.selenium.SearchContext shadowOf(Browser browser) {
        return browser.waiting().until(d -> d.findElement(By.id("switchboard-chat"))).getShadowRoot();
    }

    private List<JsonObject> messages(long ticketId) {
        return ApiClient.object(api.get("/api/v1/tickets/" + ticketId)).getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    private long channelIdOf(String name) {
        return ApiClient.array(api.get("/api/v1/channels")).getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private void signIn(Browser browser, String username, String password) {
        WebDriver page = browser.driver();
        page.get(base.resolve("login.xhtml").toString());
        page.findElement(By.id("login:username")).sendKeys(username);
        page.findElement(By.id("login:password")).sendKeys(password);
        page.findElement(By.id("login:submit")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("userMenu")));
    }

    private long user(String username, String fullName, String role) {
        return api.create("/api/v1/users", "{\"username\":\"" + username + "\",\"fullName\":\"" + fullName + "\",\"roles\":[\"" + role
                + "\"],\"paidSeat\":true,\"password\":\"agent-password\"}").getJsonNumber("id").longValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object js(WebDriver page, String script, Object... arguments) {
        return ((JavascriptExecutor) page).executeScript(script, arguments);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
