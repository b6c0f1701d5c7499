package org.switchboard.channels.whatsapp.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.conversations.control.CustomerWindow;
import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.channels.meta.MetaGraph.Answer;
import org.switchboard.channels.meta.MetaGraph.GraphError;
import org.switchboard.conversations.entity.Message;
import org.switchboard.outbound.control.MessageSender;
import org.switchboard.outbound.control.PermanentFailure;
import org.switchboard.outbound.control.SendOutcome;
import org.switchboard.outbound.control.SendPace;
import org.switchboard.platform.json.Jsonp;

/**
 * Sends a reply through the Cloud API ({@code POST /{phone-number-id}/messages}). WhatsApp allows
 * free text only within 24 hours of the customer's last message; outside it the reply is refused
 * here with that reason (it would fail silently at Meta). A revoked or expired token marks the
 * channel "reconnect needed" and the reply waits in the queue; rate limits wait, never fail: sends
 * are paced to the number's throughput ({@code switchboard.whatsapp.messages-per-second}, Meta's
 * default 80) and to Meta's pair rate (one message every 6 seconds to one customer, bursts of 45),
 * and Meta's own rate-limit answers make the reply wait too.
 */
@ApplicationScoped
public class WhatsAppSender implements MessageSender {

    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration TOKEN_RETRY = Duration.ofMinutes(10);
    static final SendPace.Rate PAIR_RATE = SendPace.Rate.every(Duration.ofSeconds(6), 45);

    @PersistenceContext
    EntityManager em;

    @Inject
    WhatsAppChannelService channels;

    @Inject
    MetaGraph graph;

    @Inject
    SendPace pace;

    @Inject
    @ConfigProperty(name = "switchboard.whatsapp.messages-per-second", defaultValue = "80")
    int messagesPerSecond;

    @Override
    public String kind() {
        return WhatsAppConnector.KIND;
    }

    @Override
    public Attempt prepare(Message message) {
        WhatsAppChannelService.Outbound outbound = channels.outbound(message.getChannel()).orElseThrow(() ->
                new PermanentFailure("The WhatsApp channel is not connected: set its phone number id and access token in the channel's settings"));
        String threadKey = message.getConversation() == null ? null : message.getConversation().getThreadKey();
        if (threadKey == null || !threadKey.startsWith("wa:")) {
            throw new PermanentFailure("This conversation has no WhatsApp number to answer");
        }
        String to = threadKey.substring("wa:".length());
        String body = message.getSendAs() != null ? template(to, message.getSendAs()) : text(to, message);
        long channelId = message.getChannel().getId();
        List<SendPace.Limit> limits = List.of(
                new SendPace.Limit("whatsapp:" + outbound.phoneNumberId(), new SendPace.Rate(messagesPerSecond, messagesPerSecond)),
                new SendPace.Limit("whatsapp:" + outbound.phoneNumberId() + ":" + to, PAIR_RATE));
        return () -> {
            Duration wait = pace.take(limits);
            return wait.isZero() ? send(channelId, outbound, body)
                    : SendOutcome.waitFor("Paced to WhatsApp's rate for this number; goes in " + Math.max(1, wait.toMillis()) + " ms", wait);
        };
    }

    /** Free text: only within 24 hours of the customer's last message (by WhatsApp's timestamp). */
    private String text(String to, Message message) {
        Instant lastFromCustomer = CustomerWindow.lastFromCustomer(em, message.getConversation().getId());
        if (lastFromCustomer == null || lastFromCustomer.plus(WINDOW).isBefore(Instant.now())) {
            throw new PermanentFailure("Outside WhatsApp's 24-hour window since the customer's last message: only an approved template may go now");
        }
        jakarta.json.JsonObjectBuilder text = Jsonp.objectBuilder().add("messaging_product", "whatsapp").add("recipient_type", "individual")
                .add("to", to);
        quotedWamid(message).ifPresent(wamid -> text.add("context", Jsonp.objectBuilder().add("message_id", wamid)));
        return text.add("type", "text").add("text", Jsonp.objectBuilder().add("preview_url", false)
                .add("body", message.getText() == null ? "" : message.getText())).build().toString();
    }

    /** The WhatsApp id of the customer's message the reply quotes: WhatsApp shows that message above the reply. */
    private java.util.Optional<String> quotedWamid(Message message) {
        return java.util.Optional.ofNullable(message.getQuotedMessageId()).map(id -> em.find(Message.class, id)).map(Message::getExternalId);
    }

    /** An approved template with its values: allowed at any time ({@code send_as}: {"template": "name|language", "parameters": [...]}). */
    private static String template(String to, String sendAs) {
        jakarta.json.JsonObject chosen = Jsonp.object(sendAs);
        String[] id = chosen.getString("template", "").split("\\|", 2);
        if (id.length != 2) {
            throw new PermanentFailure("Not a WhatsApp template: " + chosen.getString("template", ""));
        }
        jakarta.json.JsonArrayBuilder parameters = Jsonp.arrayBuilder();
        chosen.getJsonArray("parameters").getValuesAs(jakarta.json.JsonString.class)
                .forEach(value -> parameters.add(Jsonp.objectBuilder().add("type", "text").add("text", value.getString())));
        jakarta.json.JsonObjectBuilder template = Jsonp.objectBuilder().add("name", id[0]).add("language", Jsonp.objectBuilder().add("code", id[1]));
        if (!chosen.getJsonArray("parameters").isEmpty()) {
            template.add("components", Jsonp.arrayBuilder().add(Jsonp.objectBuilder().add("type", "body").add("parameters", parameters)));
        }
        return Jsonp.objectBuilder().add("messaging_product", "whatsapp").add("recipient_type", "individual").add("to", to)
                .add("type", "template").add("template", template).build().toString();
    }

    private SendOutcome send(long channelId, WhatsAppChannelService.Outbound outbound, String body) {
        Answer answer;
        try {
            answer = graph.post(outbound.phoneNumberId() + "/messages", outbound.accessToken(), body);
        } catch (IOException e) {
            return SendOutcome.retry("Meta's Graph API could not be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("Interrupted while sending");
        }
        if (answer.ok()) {
            String id = answer.body().containsKey("messages") && !answer.body().getJsonArray("messages").isEmpty()
                    ? answer.body().getJsonArray("messages").getJsonObject(0).getString("id", null) : null;
            return SendOutcome.sent(id, body.getBytes(StandardCharsets.UTF_8));
        }
        GraphError error = answer.error().orElse(new GraphError(0, 0, "", "HTTP " + answer.status()));
        String reason = "WhatsApp: " + error.code() + " " + error.message();
        if (error.tokenInvalid()) {
            channels.tokenRefused(channelId);
            return SendOutcome.waitFor(reason + " — the channel needs a new access token (reconnect in its settings); the reply waits", TOKEN_RETRY);
        }
        if (error.rateLimited() || answer.status() == 429) {
            return SendOutcome.waitFor(reason, retryAfter(answer.retryAfter()));
        }
        if (answer.status() >= 500) {
            return SendOutcome.retry(reason);
        }
        return SendOutcome.permanent(reason);
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? Duration.ofSeconds(30) : Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(30);
        }
    }
}
