package org.switchboard.channels.email.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.contacts.control.Sender;
import org.switchboard.channels.email.control.ParsedMail.MailAddress;
import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InboundMessage.ChannelFacts;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.inbound.control.PayloadParser;

/**
 * Raw mail ({@code message/rfc822}) as an inbound message. The external id is the Message-ID
 * plus a hash of the content: a second delivery of one mail is the same message, while the same
 * Message-ID with other content is another one; mail without a Message-ID goes by the hash alone.
 */
@ApplicationScoped
public class EmailPayloadParser implements PayloadParser {

    public static final String CONTENT_TYPE = "message/rfc822";

    @Inject
    @ConfigProperty(name = "switchboard.email.max-attachment-bytes", defaultValue = "26214400")
    long maxAttachmentBytes;

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] payload) {
        return toMessage(new MailReader(maxAttachmentBytes).read(payload), true);
    }

    @Override
    public InboundMessage parse(Channel channel, byte[] payload) {
        EmailAccount account = EmailAccountJson.read(channel.getTypeSettings());
        boolean onOriginal = account == null || account.logForwardedOnOriginalSender();
        return toMessage(new MailReader(maxAttachmentBytes).read(payload), onOriginal);
    }

    /** Parses with a known forwarded-mail setting (imports read the channel's account once, not per mail). */
    public InboundMessage parse(byte[] payload, boolean logForwardedOnOriginalSender) {
        return toMessage(new MailReader(maxAttachmentBytes).read(payload), logForwardedOnOriginalSender);
    }

    /** The journal key of a raw mail: the external id its message will get, or a hash of the bytes when it cannot be read. */
    public String keyOf(byte[] payload) {
        try {
            return externalId(new MailReader(maxAttachmentBytes).read(payload));
        } catch (InvalidPayloadException unreadable) {
            try {
                return "raw/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String externalId(ParsedMail mail) {
        String hash = mail.contentHash().substring(0, 32);
        String id = mail.messageId();
        return id == null ? "hash/" + hash : (id.length() > 400 ? id.substring(0, 400) : id) + "/" + hash;
    }

    private static InboundMessage toMessage(ParsedMail mail, boolean logOnOriginalSender) {
        MailAddress sender = logOnOriginalSender && mail.originalSender() != null ? mail.originalSender() : mail.from();
        String email;
        try {
            email = Contact.normalizeEmail(sender.email());
        } catch (IllegalArgumentException invalid) {
            throw new InvalidPayloadException("From", "\"" + sender.email() + "\" is not an email address");
        }
        ChannelFacts facts = new ChannelFacts(mail.messageId(), mail.inReplyTo(), mail.ticketNumber(), mail.automatic(),
                mail.failedDeliveryOf(), mail.isDeliveryReport() ? mail.failureReason() : null);
        return new InboundMessage(externalId(mail), new Sender(email, null, sender.name(), null), mail.subject(),
                mail.text(), mail.html(), mail.date(), null, null, facts, mail.attachments(), mail.notes());
    }
}
