package org.switchboard.channels.custom.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.contacts.control.ContactResolver;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.control.AttachmentLinks;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.Message;
import org.switchboard.outbound.control.MessageSender;
import org.switchboard.outbound.control.PermanentFailure;
import org.switchboard.outbound.control.SendOutcome;

/**
 * Delivers an agent's reply on a custom channel: {@code POST} of a {@code message.created} JSON
 * to the channel's webhook URL, signed ({@link WebhookSignature}), with a delivery id that stays
 * the same on every retry ({@code Switchboard-Delivery}) so the receiver can drop repeats.
 */
@ApplicationScoped
public class CustomSender implements MessageSender {

    public static final String DELIVERY_HEADER = "Switchboard-Delivery";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomChannelService channels;

    @Inject
    AttachmentLinks links;

    @Override
    public String kind() {
        return CustomConnector.KIND;
    }

    @Override
    public Attempt prepare(Message message) {
        CustomChannelService.Outbound outbound = channels.outbound(message.getChannel()).orElseThrow(() ->
                new PermanentFailure("The channel has no webhook URL to deliver replies to; set one in the channel's settings"));
        CustomSettings settings = outbound.settings();
        List<Attachment> files = em.createQuery("SELECT a FROM Attachment a WHERE a.message = :m ORDER BY a.id", Attachment.class)
                .setParameter("m", message).getResultList();
        if (!files.isEmpty() && !settings.attachments()) {
            throw new PermanentFailure("This channel cannot carry attachments; send the reply without files");
        }
        if (message.getChannelMessageId() == null) {
            byte[] random = new byte[12];
            RANDOM.nextBytes(random);
            message.identifyAs("dlv_" + HexFormat.of().formatHex(random));
        }
        String deliveryId = message.getChannelMessageId();
        byte[] body = payload(message, deliveryId, settings, files).getBytes(StandardCharsets.UTF_8);
        URI target = URI.create(settings.webhookUrl());
        String secret = outbound.signingSecret();
        return () -> post(target, deliveryId, body, secret);
    }

    private String payload(Message message, String deliveryId, CustomSettings settings, List<Attachment> files) {
        Contact contact = message.getConversation().getContact();
        JsonObjectBuilder to = JSON.createObjectBuilder();
        if (contact != null) {
            contact.getIdentities().stream().filter(i -> i.kind().equals(ContactResolver.identityKindOf(message.getChannel())))
                    .findFirst().ifPresent(i -> to.add("externalUserId", i.externalId()));
            contact.getEmails().stream().sorted().findFirst().ifPresent(e -> to.add("email", e));
            contact.getPhones().stream().sorted().findFirst().ifPresent(p -> to.add("phone", p));
            if (contact.getFullName() != null) {
                to.add("name", contact.getFullName());
            }
        }
        JsonArrayBuilder attachments = JSON.createArrayBuilder();
        for (Attachment file : files) {
            attachments.add(JSON.createObjectBuilder().add("name", file.getFilename())
                    .add("contentType", file.getContentType() == null ? "application/octet-stream" : file.getContentType())
                    .add("size", file.getSize()).add("url", links.link(file.getId())));
        }
        JsonObjectBuilder body = JSON.createObjectBuilder().add("id", message.getId()).add("conversationId", message.getConversation().getId());
        if (message.getTicket() != null) {
            body.add("ticketId", message.getTicket().getId()).add("ticketNumber", message.getTicket().getNumber());
        }
        if (message.getConversation().getThreadKey() != null) {
            body.add("threadKey", message.getConversation().getThreadKey());
        }
        String text = message.getText();
        if (settings.text() && text != null) {
            body.add("text", text);
        }
        if (settings.html() && message.getSanitizedHtml() != null) {
            body.add("html", message.getSanitizedHtml());
        }
        body.add("attachments", attachments)
                .add("author", JSON.createObjectBuilder().add("name", message.getAuthor() == null || message.getAuthor().getFullName() == null
                        ? "" : message.getAuthor().getFullName()))
                .add("to", to).add("createdAt", message.getCreatedAt().toString());
        return JSON.createObjectBuilder().add("id", deliveryId).add("type", "message.created")
                .add("channelKey", message.getChannel().getPublicKey()).add("message", body).build().toString();
    }

    private static SendOutcome post(URI target, String deliveryId, byte[] body, String secret) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Switchboard-Webhooks/1")
                .header(DELIVERY_HEADER, deliveryId)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, Instant.now(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            SendOutcome outcome = WebhookAnswers.classify(answer.statusCode(), answer.headers().firstValue("Retry-After").orElse(null), answer.body());
            return outcome instanceof SendOutcome.Sent ? SendOutcome.sent(null, body) : outcome;
        } catch (IOException e) {
            return SendOutcome.retry("The receiver " + target.getHost() + " could not be reached: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("Interrupted while delivering");
        }
    }
}
