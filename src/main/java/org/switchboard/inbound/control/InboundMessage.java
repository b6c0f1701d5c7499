package org.switchboard.inbound.control;

import java.time.Instant;
import java.util.List;

import org.switchboard.contacts.control.Sender;

/**
 * A message as any channel delivers it, after parsing its raw payload; the one shape the intake
 * works with. {@code threadKey} null means the channel has no thread of its own: the message
 * joins the conversation of a message it replies to ({@code replyTo.inReplyTo}), the ticket a
 * subject tag names, or starts a conversation of its own. {@code kindDetail}: what the kind's parser
 * hands to the kind's own {@link IntakeAutomation} (a call's event); shared code never reads it.
 */
public record InboundMessage(String externalId, Sender from, String subject, String text, String html,
                             Instant occurredAt, String threadKey, String language,
                             ChannelFacts facts, List<InboundAttachment> attachments, List<String> notes, Object kindDetail) {

    public InboundMessage {
        facts = facts == null ? ChannelFacts.NONE : facts;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public InboundMessage(String externalId, Sender from, String subject, String text, String html, Instant occurredAt, String threadKey,
                          String language, ChannelFacts facts, List<InboundAttachment> attachments, List<String> notes) {
        this(externalId, from, subject, text, html, occurredAt, threadKey, language, facts, attachments, notes, null);
    }

    /** A plain message: no reply references, attachments or notes. */
    public InboundMessage(String externalId, Sender from, String subject, String text, String html,
                          Instant occurredAt, String threadKey, String language) {
        this(externalId, from, subject, text, html, occurredAt, threadKey, language, null, null, null);
    }

    /**
     * What a channel knows beyond the common fields. {@code channelMessageId} is the id the channel
     * gave the message (an email's Message-ID); {@code inReplyTo} lists ids of earlier messages it
     * answers, nearest first; {@code ticketNumber} is a ticket the sender named (a subject tag);
     * {@code automatic} says why the message was sent by a machine (never opens a ticket);
     * {@code failedDeliveryOf} is the id of our message a delivery report says did not arrive;
     * {@code sentByTeam}: the team sent it from elsewhere (the provider's own inbox, a phone) and the
     * channel reports it back — kept as a reply in the conversation, never as the contact's message.
     */
    public record ChannelFacts(String channelMessageId, List<String> inReplyTo, Long ticketNumber,
                               String automatic, String failedDeliveryOf, String failureReason, boolean sentByTeam) {

        public static final ChannelFacts NONE = new ChannelFacts(null, List.of(), null, null, null, null);

        public ChannelFacts {
            inReplyTo = inReplyTo == null ? List.of() : List.copyOf(inReplyTo);
        }

        public ChannelFacts(String channelMessageId, List<String> inReplyTo, Long ticketNumber,
                            String automatic, String failedDeliveryOf, String failureReason) {
            this(channelMessageId, inReplyTo, ticketNumber, automatic, failedDeliveryOf, failureReason, false);
        }

        public boolean isAutomatic() {
            return automatic != null;
        }

        public boolean isDeliveryReport() {
            return failedDeliveryOf != null || failureReason != null;
        }
    }

    /** A file that came with the message; {@code contentId} set for inline images. */
    /**
     * A file of the message: its bytes, or — {@code remote} set, no bytes — what the channel kind fetches it
     * by later ({@code conversations.control.FileSource}: a WhatsApp media id), kept until then as a pending file.
     */
    public record InboundAttachment(String filename, String contentType, String contentId, byte[] content, String remote) {

        public InboundAttachment(String filename, String contentType, String contentId, byte[] content) {
            this(filename, contentType, contentId, content, null);
        }

        public static InboundAttachment remote(String reference, String filename, String contentType) {
            return new InboundAttachment(filename, contentType, null, null, reference);
        }
    }
}
