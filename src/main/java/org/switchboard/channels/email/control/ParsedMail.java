package org.switchboard.channels.email.control;

import java.time.Instant;
import java.util.List;

import org.switchboard.inbound.control.InboundMessage.InboundAttachment;

/**
 * One email as read from its raw bytes. {@code from} is who sent this copy; for a forwarded mail
 * {@code originalSender} is who wrote the forwarded message. {@code contentHash} covers what a
 * reader sees (sender, subject, bodies, attachments), not transport headers, so a second delivery
 * of the same mail hashes the same.
 */
public record ParsedMail(String messageId, MailAddress from, MailAddress originalSender, String subject, String text,
                         String html, Instant date, List<String> inReplyTo, Long ticketNumber, String automatic,
                         String failedDeliveryOf, String failureReason, List<InboundAttachment> attachments,
                         List<String> notes, String contentHash) {

    /** An address with its display name (may be null). */
    public record MailAddress(String email, String name) {
    }

    public boolean isDeliveryReport() {
        return failedDeliveryOf != null || failureReason != null;
    }
}
