package org.switchboard.channels.email.control;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.switchboard.channels.email.control.ParsedMail.MailAddress;

/** The header fields the help desk uses, each read so that a broken one gives null, never an exception. */
final class MailHeaders {

    private final MimeMessage mime;

    MailHeaders(MimeMessage mime) {
        this.mime = mime;
    }

    String header(String name) {
        try {
            String value = mime.getHeader(name, ",");
            return value == null ? null : value.strip();
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    String messageId() {
        return MailIds.first(header("Message-ID"));
    }

    List<String> repliedTo() {
        return MailIds.repliedTo(header("In-Reply-To"), header("References"));
    }

    /** The author: From, else Sender, Reply-To, Return-Path. */
    MailAddress sender() {
        for (String field : new String[]{"From", "Sender", "Reply-To", "Return-Path"}) {
            MailAddress address = MailReader.address(header(field));
            if (address != null) {
                return address;
            }
        }
        return null;
    }

    String subject() {
        String raw = header("Subject");
        if (raw == null) {
            return null;
        }
        String decoded;
        try {
            decoded = MimeUtility.decodeText(MimeUtility.unfold(MailReader.repairRawUtf8(raw)));
        } catch (UnsupportedEncodingException | RuntimeException undecodable) {
            decoded = raw;
        }
        String oneLine = decoded.replaceAll("\\p{Cntrl}", " ").replaceAll(" {2,}", " ").strip();
        return oneLine.isEmpty() ? null : oneLine.length() > 1000 ? oneLine.substring(0, 1000) : oneLine;
    }

    /**
     * Why this mail was sent by a machine (RFC 3834 and the common conventions), or null for a
     * person's mail. Such mail never opens a ticket and never gets an automatic answer.
     */
    String automatic() {
        String autoSubmitted = header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        String precedence = header("Precedence");
        if (precedence != null && List.of("bulk", "junk", "list").contains(precedence.toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence;
        }
        for (String field : new String[]{"X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply"}) {
            if (header(field) != null) {
                return field + ": " + header(field);
            }
        }
        String loop = header("X-Loop");
        if (loop != null) {
            return "X-Loop: " + loop;
        }
        MailAddress sender = sender();
        if (sender != null) {
            String local = sender.email().substring(0, sender.email().indexOf('@'));
            if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                return "sent by " + sender.email();
            }
        }
        return null;
    }
}
