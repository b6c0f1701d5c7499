package org.switchboard.channels.chat.control;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.switchboard.contacts.control.Sender;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.inbound.control.PayloadParser;

/**
 * A journaled visitor message → a message in the visitor's one conversation on the channel (thread
 * key {@code chat:<visitor>}). The contact is known by the visitor id; a verified visitor's email
 * joins the contact who already has it.
 */
@ApplicationScoped
public class ChatMessageParser implements PayloadParser {

    static final int SUBJECT_LENGTH = 80;

    @Override
    public String contentType() {
        return ChatPayload.CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] raw) {
        ChatPayload payload;
        try {
            payload = ChatPayload.fromJson(raw);
        } catch (RuntimeException unreadable) {
            throw new InvalidPayloadException(null, "Not a chat message: " + unreadable.getMessage());
        }
        if (payload == null || payload.visitorId() == null || payload.clientId() == null) {
            throw new InvalidPayloadException("clientId", "A chat message without its visitor or the widget's message id");
        }
        if (payload.text() == null || payload.text().isBlank()) {
            throw new InvalidPayloadException("text", "A chat message without text");
        }
        // an away visitor's address is theirs to give, as an email's From is: it becomes the contact's, for the answer
        String email = payload.away() ? payload.awayReplyTo() : payload.verified() ? payload.email() : null;
        Sender sender = new Sender(email, null, payload.name(), payload.visitorId());
        List<String> notes = payload.away() ? List.of("Written while the team was away; the answer goes by email to " + payload.awayReplyTo()) : List.of();
        return new InboundMessage(payload.key(), sender, subjectOf(payload.text()), payload.text(), null,
                payload.sentAt() == null ? Instant.now() : Instant.parse(payload.sentAt()),
                new Visitor(0, payload.visitorId(), payload.verified(), null, null).threadKey(), payload.language(),
                null, null, notes);
    }

    /** The first line, shortened: what a ticket opened by the chat is called. */
    static String subjectOf(String text) {
        String line = text.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
        return line.length() <= SUBJECT_LENGTH ? line : line.substring(0, SUBJECT_LENGTH - 1) + "…";
    }
}
