package org.switchboard.channels.whatsapp.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.channels.meta.MetaGraph.Answer;
import org.switchboard.channels.whatsapp.control.WhatsAppDtos.WhatsAppView;

/**
 * The WhatsApp Business account's message templates, synced from Meta
 * ({@code GET /{waba-id}/message_templates}): only APPROVED ones are kept, each with its body text
 * and the number of its {@code {{n}}} values. They are what the reply box offers outside the 24-hour
 * window, where free text cannot go.
 */
@ApplicationScoped
public class WhatsAppTemplates {

    private static final Pattern PLACE = Pattern.compile("\\{\\{(\\d+)}}");

    @Inject
    WhatsAppChannelService channels;

    @Inject
    MetaGraph graph;

    /** Meta refused or could not be reached: the reason, in Meta's words. */
    public static final class SyncFailed extends RuntimeException {
        SyncFailed(String message) {
            super(message);
        }
    }

    public WhatsAppView sync(long channelId) {
        WhatsAppChannelService.Account account = channels.account(channelId)
                .orElseThrow(() -> new IllegalStateException("Connect the channel first: its WhatsApp Business account id and access token"));
        Answer answer;
        try {
            answer = graph.get(account.businessAccountId() + "/message_templates?fields=name,language,status,category,components&limit=200",
                    account.accessToken());
        } catch (IOException e) {
            throw new SyncFailed("Meta's Graph API could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncFailed("Interrupted");
        }
        if (!answer.ok()) {
            if (answer.error().map(MetaGraph.GraphError::tokenInvalid).orElse(false)) {
                channels.tokenRefused(channelId);
            }
            throw new SyncFailed("WhatsApp: " + answer.error().map(e -> e.code() + " " + e.message()).orElse("HTTP " + answer.status()));
        }
        return channels.templatesSynced(channelId, approved(answer.body()));
    }

    static List<WhatsAppSettings.Template> approved(JsonObject listing) {
        List<WhatsAppSettings.Template> approved = new ArrayList<>();
        JsonValue data = listing.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.ARRAY) {
            return approved;
        }
        for (JsonObject template : data.asJsonArray().getValuesAs(JsonObject.class)) {
            if (!"APPROVED".equals(template.getString("status", ""))) {
                continue;
            }
            String body = "";
            JsonValue components = template.get("components");
            if (components != null && components.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonObject component : components.asJsonArray().getValuesAs(JsonObject.class)) {
                    if ("BODY".equalsIgnoreCase(component.getString("type", ""))) {
                        body = component.getString("text", "");
                    }
                }
            }
            int values = 0;
            Matcher place = PLACE.matcher(body);
            while (place.find()) {
                values = Math.max(values, Integer.parseInt(place.group(1)));
            }
            approved.add(new WhatsAppSettings.Template(template.getString("name", ""), template.getString("language", ""),
                    template.getString("category", ""), body, values));
        }
        return approved;
    }
}
