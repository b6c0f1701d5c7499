package org.switchboard.calls.control;

import java.util.List;

import org.switchboard.contacts.control.Sender;
import org.switchboard.conversations.entity.CallDirection;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InboundMessage.ChannelFacts;

/**
 * A call event as the message the intake takes in. Every event of one call names the same message
 * ({@link CallEvent#messageKey()}): the first to arrive — whichever it is — makes the message, the
 * contact and the ticket; the others find it and only move the call on. The conversation is one per
 * number and channel ({@code tel:+358…}), so calls from one number join the contact's open ticket.
 */
public final class CallMessages {

    private CallMessages() {
    }

    /** Call ids may be 250 characters; identities and thread keys take 200: a long one is named by its hash. */
    private static String shortId(String callId) {
        if (callId.length() <= 180) {
            return callId;
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(callId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static InboundMessage of(CallEvent event) {
        String number = event.customerNumber();
        Sender from = number != null ? new Sender(null, number, null, null)
                : new Sender(null, null, "Withheld number", "withheld:" + shortId(event.callId())); // one contact per withheld call
        // the subject names no language (agents read tickets in theirs; the call card says the rest): ☎ +358…, ☎ → +358… outgoing
        String text = "\u260E " + (event.direction() == CallDirection.INBOUND ? "" : "\u2192 ") + (number != null ? number : "\u2014");
        String threadKey = number != null ? "tel:" + number : "call:" + shortId(event.callId());
        return new InboundMessage(event.messageKey(), from, text, text, null, event.at(), threadKey, null,
                ChannelFacts.NONE, List.of(), List.of(), event);
    }
}
