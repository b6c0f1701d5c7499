package org.switchboard.channels.messenger.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.conversations.control.CustomerWindow;
import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.channels.meta.MetaGraph.Answer;
import org.switchboard.channels.meta.MetaGraph.GraphError;
import org.switchboard.conversations.entity.Message;
import org.switchboard.outbound.control.MessageSender;
import org.switchboard.outbound.control.PermanentFailure;
import org.switchboard.outbound.control.SendOutcome;
import org.switchboard.platform.json.Jsonp;

/**
 * Sends a reply through the Send API ({@code POST /me/messages} with the page token), inside Meta's
 * windows ({@link MessengerWindow}): RESPONSE within 24 hours of the person's last message; a
 * person's reply tagged HUMAN_AGENT up to 7 days; automation never after 24 hours; nothing after 7
 * days. Meta's window error (10 / 2018278) fails the message with that reason. Every send carries
 * metadata naming the message, so its echo is recognised as ours. A refused page token marks the
 * channel "reconnect needed" and the reply waits; rate limits wait, never fail.
 */
@ApplicationScoped
public class MessengerSender implements MessageSender {

    static final Duration TOKEN_RETRY = Duration.ofMinutes(10);
    private static final int WINDOW_ERROR_SUBCODE = 2018278;

    @PersistenceContext
    EntityManager em;

    @Inject
    MessengerChannelService channels;

    @Inject
    MetaGraph graph;

    @Override
    public String kind() {
        return MessengerConnector.KIND;
    }

    @Override
    public Attempt prepare(Message message) {
        long channelId = message.getChannel().getId();
        MessengerChannelService.Outbound outbound = channels.outbound(channelId).orElseThrow(() ->
                new PermanentFailure("The Messenger channel is not connected: connect its Facebook page in the channel's settings"));
        String threadKey = message.getConversation() == null ? null : message.getConversation().getThreadKey();
        if (threadKey == null || !threadKey.startsWith("fb:")) {
            throw new PermanentFailure("This conversation has no Messenger person to answer");
        }
        MessengerWindow window = MessengerWindow.at(CustomerWindow.lastFromCustomer(em, message.getConversation().getId()), Instant.now());
        if (!window.allows(message.isAutomatic())) {
            throw new PermanentFailure(window.kind() == MessengerWindow.Kind.HUMAN_AGENT
                    ? "Messenger allows only a person's reply more than 24 hours after the person's last message: automatic messages are not sent"
                    : "Outside Messenger's 7-day window since the person's last message: nothing can be sent until they write again");
        }
        if (message.getChannelMessageId() == null) {
            message.identifyAs(MessengerMessageParser.OUR_METADATA + message.getId()); // the same on every retry: its echo is known as ours
        }
        JsonObjectBuilder body = Jsonp.objectBuilder()
                .add("recipient", Jsonp.objectBuilder().add("id", threadKey.substring("fb:".length())));
        if (window.kind() == MessengerWindow.Kind.STANDARD) {
            body.add("messaging_type", "RESPONSE");
        } else {
            body.add("messaging_type", "MESSAGE_TAG").add("tag", "HUMAN_AGENT");
        }
        JsonObjectBuilder content = Jsonp.objectBuilder().add("text", message.getText() == null ? "" : message.getText())
                .add("metadata", message.getChannelMessageId());
        if (message.getChannelMessageId().startsWith(MessengerIntake.CONSENT_PROMPT)) {
            content.add("quick_replies", Jsonp.arrayBuilder().add(Jsonp.objectBuilder().add("content_type", "text")
                    .add("title", MessengerIntake.AGREE).add("payload", "CONSENT_AGREE")));
        }
        body.add("message", content);
        String json = body.build().toString();
        return () -> send(channelId, outbound, json);
    }

    private SendOutcome send(long channelId, MessengerChannelService.Outbound outbound, String body) {
        Answer answer;
        try {
            answer = graph.post("me/messages", outbound.pageToken(), body);
        } catch (IOException e) {
            return SendOutcome.retry("Meta's Graph API could not be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("Interrupted while sending");
        }
        if (answer.ok()) {
            return SendOutcome.sent(answer.body().getString("message_id", null), body.getBytes(StandardCharsets.UTF_8));
        }
        GraphError error = answer.error().orElse(new GraphError(0, 0, "", "HTTP " + answer.status()));
        String reason = "Messenger: " + error.code() + (error.subcode() == 0 ? "" : "/" + error.subcode()) + " " + error.message();
        if (error.tokenInvalid()) {
            channels.tokenRefused(channelId);
            return SendOutcome.waitFor(reason + " — the page must be connected again (Continue with Facebook in the channel's settings); the reply waits",
                    TOKEN_RETRY);
        }
        if (error.code() == 10 && error.subcode() == WINDOW_ERROR_SUBCODE) {
            return SendOutcome.permanent("Outside Messenger's reply window (" + reason + ")");
        }
        if (error.rateLimited() || answer.status() == 429) {
            return SendOutcome.waitFor(reason, Duration.ofSeconds(30)); // a rate limit makes the reply wait, never fail
        }
        if (answer.status() >= 500) {
            return SendOutcome.retry(reason);
        }
        return SendOutcome.permanent(reason);
    }
}
