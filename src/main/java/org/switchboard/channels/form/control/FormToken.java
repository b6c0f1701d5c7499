package org.switchboard.channels.form.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.switchboard.platform.crypto.SecretBox;

/**
 * The signed token a rendered form carries: which form, when it was rendered, and a nonce that is
 * the submission's identity (the same token posted twice is one submission). A bot that posts
 * without rendering, faster than a person can fill the form, or with a token days old is refused.
 * Checked in constant time. No third party, no cookie.
 */
public final class FormToken {

    static final String PURPOSE = "form-token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public enum Verdict { VALID, FORGED, TOO_FAST, EXPIRED }

    /** @param nonce set when the verdict is VALID */
    public record Check(Verdict verdict, String nonce) {
    }

    private final SecretBox keys;

    public FormToken(SecretBox keys) {
        this.keys = keys;
    }

    public String issue(long formId, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = formId + "." + now.toEpochMilli() + "." + B64.encodeToString(nonce);
        return B64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + B64.encodeToString(keys.tag(PURPOSE, payload));
    }

    public Check check(String token, long formId, Instant now, Duration minimumFill, Duration lifetime) {
        String payload = payloadOf(token);
        if (payload == null) {
            return new Check(Verdict.FORGED, null);
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 3 || !parts[0].equals(Long.toString(formId))) {
            return new Check(Verdict.FORGED, null);
        }
        Instant issued;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return new Check(Verdict.FORGED, null);
        }
        if (now.isBefore(issued.plus(minimumFill))) {
            return new Check(Verdict.TOO_FAST, null);
        }
        if (now.isAfter(issued.plus(lifetime))) {
            return new Check(Verdict.EXPIRED, null);
        }
        return new Check(Verdict.VALID, parts[2]);
    }

    /** The signed payload, or null when the token is malformed or its signature does not match. */
    private String payloadOf(String token) {
        if (token == null || token.length() > 300) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, keys.tag(PURPOSE, payload)) ? payload : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
