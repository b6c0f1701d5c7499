package org.switchboard.conversations.control;

import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.crypto.SecretBox;

/**
 * Links to a message's file that work without signing in, for a provider or a receiver that
 * fetches what an agent attached: {@code /public/attachments/{id}?expires=<unix s>&signature=<tag>}.
 * The tag covers the id and the expiry, so a link opens one file until it expires.
 */
@ApplicationScoped
public class AttachmentLinks {

    /** How long a link handed to a provider works: long enough for its retries, short enough to be worthless when leaked later. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final String PURPOSE = "attachment-link";

    @Inject
    SecretBox secrets;

    public String link(long attachmentId) {
        long expires = Instant.now().plus(LIFETIME).getEpochSecond();
        URI base = SwitchboardSettings.current().baseUrl();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return root + "/public/attachments/" + attachmentId + "?expires=" + expires + "&signature=" + signature(attachmentId, expires);
    }

    /** True when the link was made here, for this file, and has not expired. */
    public boolean valid(long attachmentId, String expires, String signature) {
        long until;
        try {
            until = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException notANumber) {
            return false;
        }
        if (signature == null || Instant.now().getEpochSecond() > until) {
            return false;
        }
        return MessageDigest.isEqual(signature(attachmentId, until).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private String signature(long attachmentId, long expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.tag(PURPOSE, attachmentId + ":" + expires));
    }
}
