package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.switchboard.testing.ServerLog;
import org.switchboard.testing.Browser;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.HttpSession;

/**
 * The shipped WAR from the outside, as browsers and scripts meet it: sign-in, protected pages,
 * health, and API tokens.
 */
@ExtendWith(ArquillianExtension.class)
class WebIT {

    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SWITCHBOARD_ADMIN_PASSWORD", "it-admin-password");
    static final String TOKENS = "/api/v1/api-tokens";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shippedWar();
    }

    @ArquillianResource
    URL deployed;

    URI base;
    HttpSession http;

    @BeforeEach
    void connect() {
        // Payara reports the machine's interface address; tests talk to the loopback address only.
        base = URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
        http = new HttpSession(base);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void theRootRedirectsToTheSignInPage() {
        HttpResponse<String> root = http.get("/");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        HttpResponse<String> login = http.get("/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("Sign in to Switchboard"), login.body());
    }

    @Test
    void everyPageNeedsSignInButStaticFilesAndHealthDoNot() {
        for (String page : new String[] {"/index.xhtml", "/settings/api-tokens.xhtml", "/operations/anything.xhtml", "/no-such-page.xhtml"}) {
            HttpResponse<String> response = http.get(page);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"), page);
        }
        assertEquals(200, http.get("/static/switchboard.css").statusCode());
    }

    @Test
    void healthIsUpAndIncludesTheDatabase() {
        for (String path : new String[] {"/health", "/health/ready"}) {
            HttpResponse<String> health = http.get(path);
            assertEquals(200, health.statusCode(), path);
            JsonObject body = json(health);
            assertEquals("UP", body.getString("status"));
            JsonObject database = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
            assertEquals("UP", database.getString("status"));
            assertTrue(database.getJsonObject("data").getBoolean("startupComplete"));
        }
        assertEquals("UP", json(http.get("/health/live")).getString("status"));
    }

    @Test
    void theApiRefusesCallsWithoutAValidTokenWithJson() {
        HttpResponse<String> none = http.get(TOKENS);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals("unauthorized", json(none).getString("error"));
        HttpResponse<String> forged = http.get(TOKENS, "Authorization", "Bearer sbt_forged-token-value");
        assertEquals(401, forged.statusCode());
        assertFalse(forged.body().contains("Exception"), forged.body());
    }

    @Test
    void anAdminMintsATokenWithBasicUsesItAndRevokesIt() {
        HttpResponse<String> created = http.postJson(TOKENS, "{\"name\":\"provisioning script\"}", "Authorization", HttpSession.basic("admin", ADMIN_PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject token = json(created);
        String secret = token.getString("token");
        assertTrue(secret.startsWith("sbt_") && secret.length() > 40, secret);
        assertTrue(created.headers().firstValue("Location").isPresent());

        HttpResponse<String> listed = http.get(TOKENS, "Authorization", "Bearer " + secret);
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains(secret), "a listed token never shows its secret");
        JsonArray tokens = Json.createReader(new StringReader(listed.body())).readArray();
        assertTrue(tokens.getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getInt("id") == token.getInt("id")));

        assertEquals(400, http.postJson(TOKENS, "{\"name\":\"\"}", "Authorization", "Bearer " + secret).statusCode());
        HttpResponse<String> badJson = http.postJson(TOKENS, "{not json", "Authorization", "Bearer " + secret);
        assertEquals(400, badJson.statusCode(), badJson.body());
        assertFalse(badJson.body().contains("at org."), "no stack trace: " + badJson.body());

        assertEquals(204, http.delete(TOKENS + "/" + token.getInt("id"), "Authorization", "Bearer " + secret).statusCode());
        assertEquals(401, http.get(TOKENS, "Authorization", "Bearer " + secret).statusCode(), "a revoked token stops working at once");
    }

    @Test
    void wrongPasswordsGetOneGenericAnswerAndSlowTheNextTry() throws InterruptedException {
        HttpResponse<String> unknownUser = http.postJson(TOKENS, "{\"name\":\"x\"}", "Authorization", HttpSession.basic("nobody", "whatever-pass"));
        HttpResponse<String> wrongPassword = http.postJson(TOKENS, "{\"name\":\"x\"}", "Authorization", HttpSession.basic("admin", "wrong-password"));
        assertEquals(401, unknownUser.statusCode());
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(unknownUser.body(), wrongPassword.body(), "no account enumeration");

        long started = System.nanoTime();
        HttpResponse<String> right = http.postJson(TOKENS, "{\"name\":\"x\"}", "Authorization", HttpSession.basic("admin", ADMIN_PASSWORD));
        assertEquals(201, right.statusCode(), "right after a failure the right password is slowed, never refused");
        assertTrue(System.nanoTime() - started >= 900_000_000L, "it waited about a second after the failure");
    }

    @Test
    void theAdminSignsInWithABrowserCreatesATokenAndSignsOut() throws Exception {
        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(base.resolve("settings/api-tokens.xhtml").toString());
            browser.waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
            String sessionBefore = page.manage().getCookieNamed("JSESSIONID").getValue();
            browser.screenshot("login");

            // A failure for another name, so this test does not depend on the admin's throttle state.
            page.findElement(By.id("login:username")).sendKeys("someone-else");
            page.findElement(By.id("login:password")).sendKeys("not-the-password");
            page.findElement(By.id("login:submit")).click();
            String message = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login\\:messages .error"))).getText();
            assertTrue(message.startsWith("Sign-in failed"), message);
            browser.screenshot("login-failed");

            page.findElement(By.id("login:username")).clear();
            page.findElement(By.id("login:username")).sendKeys("admin");
            page.findElement(By.id("login:password")).sendKeys(ADMIN_PASSWORD);
            page.findElement(By.id("login:submit")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/settings/api-tokens.xhtml"));
            assertNotEquals(sessionBefore, page.manage().getCookieNamed("JSESSIONID").getValue(), "a new session id at sign-in");
            assertTrue(page.findElement(By.cssSelector(".signed-in")).getText().contains("admin"));

            page.findElement(By.id("create:name")).sendKeys("Browser token");
            page.findElement(By.id("create:submit")).click();
            String shown = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("issuedToken"))).getText();
            assertTrue(shown.startsWith("sbt_"), shown);
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokens"), "Browser token"));
            assertTrue(Files.size(browser.screenshot("api-tokens")) > 0);
            assertEquals(200, http.get(TOKENS, "Authorization", "Bearer " + shown).statusCode(), "the token shown works");

            page.get(base.toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("viewTitle")));
            browser.screenshot("help-desk");
            page.findElement(By.id("userMenu:signOut")).click();
            try {
                browser.waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
            } catch (org.openqa.selenium.TimeoutException stayed) {
                browser.screenshot("sign-out-failed");
                String text = page.findElement(By.tagName("body")).getText();
                throw new AssertionError("sign-out stayed on " + page.getCurrentUrl() + " showing: " + text.substring(0, Math.min(400, text.length())), stayed);
            }
            page.get(base.resolve("index.xhtml").toString());
            assertNotNull(browser.waiting().until(ExpectedConditions.urlContains("/login.xhtml")), "signed out means signed out");
        }
    }

    /**
     * A form posted with a view state the server does not hold (expired session, restart, forgery)
     * sends the user back to the page with a message, by a plain post or Ajax, signed in or not,
     * and the server logs no error for it.
     */
    @Test
    void aFormWithAViewStateTheServerDoesNotHoldGoesBackToThePageWithAMessageAndLogsNoError() throws Exception {
        ServerLog log = ServerLog.mark();
        http.get("/login.xhtml");
        for (String forged : new String[] {"-123:456", "", "AAAA%00<script>"}) {
            HttpResponse<String> answer = http.post("/login.xhtml?lang=fi", "application/x-www-form-urlencoded",
                    ("login=login&login%3Ausername=admin&login%3Apassword=x&login%3Asubmit=&jakarta.faces.ViewState="
                            + java.net.URLEncoder.encode(forged, java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(302, answer.statusCode(), "view state '" + forged + "': " + answer.body());
            assertTrue(answer.headers().firstValue("Location").orElse("").endsWith("/login.xhtml?lang=fi&expired=true"), answer.headers().map().toString());
        }

        try (Browser browser = new Browser()) {
            WebDriver page = browser.driver();
            page.get(base.resolve("login.xhtml").toString());
            forgeViewState(page);
            page.findElement(By.id("login:username")).sendKeys("admin");
            page.findElement(By.id("login:password")).sendKeys(ADMIN_PASSWORD);
            page.findElement(By.id("login:submit")).click();
            String notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("viewExpired"))).getText();
            assertTrue(notice.contains("had expired"), notice);
            browser.screenshot("login-expired");

            page.findElement(By.id("login:username")).sendKeys("admin");
            page.findElement(By.id("login:password")).sendKeys(ADMIN_PASSWORD);
            page.findElement(By.id("login:submit")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("viewTitle")));
            assertTrue(page.findElements(By.id("viewExpired")).isEmpty(), "the notice is gone once a form works");

            // signed in, by Ajax (the language menu): back to the same page, still signed in
            page.get(base.resolve("settings/api-tokens.xhtml").toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name")));
            forgeViewState(page);
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("preferences:language"))).selectByValue("fi");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("viewExpired")));
            assertTrue(page.getCurrentUrl().contains("/settings/api-tokens.xhtml?expired=true"), page.getCurrentUrl());
            assertTrue(page.findElement(By.cssSelector(".signed-in")).getText().contains("admin"), "still signed in");
            assertEquals("en", page.findElement(By.tagName("html")).getAttribute("lang"), "the change that was not saved did not happen");
        }

        // what the server logged during this test: the bytes after the earlier size (the whole file if it was rotated meanwhile)
        String logged = log.since();
        assertFalse(logged.contains("SEVERE"), "nothing logged as SEVERE: " + logged.substring(0, Math.min(2000, logged.length())));
        assertFalse(logged.contains("ViewExpiredException"), logged.substring(0, Math.min(2000, logged.length())));
    }

    private static void forgeViewState(WebDriver page) {
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "document.querySelectorAll('input[name=\\'jakarta.faces.ViewState\\']').forEach(i => i.value = '-4242:4242');");
    }
}
