package org.switchboard.channels.messenger.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.channels.meta.MetaGraph.Answer;
import org.switchboard.platform.json.Jsonp;

/**
 * Facebook's side of connecting a page, as Meta documents it: Facebook Login's code exchanged for
 * the admin's token (then a long-lived one, so the page tokens from it do not expire), the admin's
 * pages ({@code /me/accounts}, with each page's token and the admin's tasks on it), the app
 * subscribed to the page's messaging events, and the page's Messenger profile (greeting, Get
 * Started). Graph errors come back as {@link Refused} with Meta's words.
 */
@ApplicationScoped
public class MessengerPages {

    /** The scopes the login asks for: list the pages, message as them, subscribe the app. */
    public static final String SCOPES = "pages_show_list,pages_messaging,pages_manage_metadata";
    static final String FIELDS = "messages,messaging_postbacks,message_deliveries,message_reads,message_echoes";

    @Inject
    MetaGraph graph;

    /** A page of the signed-in admin, with its page token (kept on the server only). */
    public record Page(String id, String name, String category, List<String> tasks, String accessToken) {
        /** Only a page admin (full control: the MANAGE task) may connect the page. */
        public boolean admin() {
            return tasks.contains("MANAGE");
        }
    }

    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Facebook Login's code → the admin's long-lived user token. */
    public String userToken(String appId, String appSecret, String redirectUri, String code) {
        Answer shortLived = call(() -> graph.get("oauth/access_token?client_id=" + MetaGraph.encode(appId) + "&redirect_uri="
                + MetaGraph.encode(redirectUri) + "&client_secret=" + MetaGraph.encode(appSecret) + "&code=" + MetaGraph.encode(code)), "Facebook Login");
        String token = shortLived.body().getString("access_token", null);
        if (token == null) {
            throw new Refused("Facebook Login gave no access token");
        }
        Answer longLived = call(() -> graph.get("oauth/access_token?grant_type=fb_exchange_token&client_id=" + MetaGraph.encode(appId)
                + "&client_secret=" + MetaGraph.encode(appSecret) + "&fb_exchange_token=" + MetaGraph.encode(token)), "Facebook Login");
        return longLived.body().getString("access_token", token);
    }

    /** The pages the admin has a role on, with their tokens. */
    public List<Page> pages(String userToken) {
        Answer answer = call(() -> graph.get("me/accounts?fields=id,name,category,tasks,access_token&limit=100", userToken), "Listing your pages");
        List<Page> pages = new ArrayList<>();
        JsonValue data = answer.body().get("data");
        if (data != null && data.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonObject page : data.asJsonArray().getValuesAs(JsonObject.class)) {
                List<String> tasks = page.containsKey("tasks") && page.get("tasks").getValueType() == JsonValue.ValueType.ARRAY
                        ? page.getJsonArray("tasks").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
                pages.add(new Page(page.getString("id", ""), page.getString("name", ""), page.getString("category", ""), tasks,
                        page.getString("access_token", null)));
            }
        }
        return pages;
    }

    /** Subscribes the app to the page's messaging events, then sets the page's Messenger profile. */
    public void setUp(String pageId, String pageToken, String greeting) {
        Answer subscribed = call(() -> graph.post(pageId + "/subscribed_apps?subscribed_fields=" + FIELDS, pageToken, "{}"), "Subscribing to the page");
        if (!subscribed.body().getBoolean("success", false)) {
            throw new Refused("Facebook did not subscribe the app to the page");
        }
        profile(pageToken, greeting);
    }

    /** The greeting people see before they write (removed when null), and a Get Started button. */
    public void profile(String pageToken, String greeting) {
        if (greeting == null) {
            call(() -> graph.delete("me/messenger_profile", pageToken, "{\"fields\":[\"greeting\"]}"), "Removing the greeting");
            call(() -> graph.post("me/messenger_profile", pageToken, Jsonp.objectBuilder()
                    .add("get_started", Jsonp.objectBuilder().add("payload", "GET_STARTED")).build().toString()), "Setting Get Started");
            return;
        }
        call(() -> graph.post("me/messenger_profile", pageToken, Jsonp.objectBuilder()
                .add("greeting", Jsonp.arrayBuilder().add(Jsonp.objectBuilder().add("locale", "default").add("text", greeting)))
                .add("get_started", Jsonp.objectBuilder().add("payload", "GET_STARTED")).build().toString()), "Setting the greeting");
    }

    @FunctionalInterface
    private interface Call {
        Answer run() throws IOException, InterruptedException;
    }

    private static Answer call(Call call, String what) {
        Answer answer;
        try {
            answer = call.run();
        } catch (IOException e) {
            throw new Refused(what + ": Facebook could not be reached (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(what + ": interrupted");
        }
        if (!answer.ok()) {
            throw new Refused(what + ": " + answer.error().map(e -> e.code() + " " + e.message()).orElse("HTTP " + answer.status()));
        }
        return answer;
    }
}
