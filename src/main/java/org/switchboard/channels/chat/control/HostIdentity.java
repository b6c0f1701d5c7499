package org.switchboard.channels.chat.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A host site's word for who its user is: {@code hash} is the hex HMAC-SHA256 of the user's id under
 * the channel's identity secret, computed by the site's server (the secret never reaches a browser).
 * Compared in constant time.
 */
public final class HostIdentity {

    private HostIdentity() {
    }

    public static String hash(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static boolean verifies(String secret, String userId, String givenHash) {
        if (secret == null || userId == null || givenHash == null || givenHash.length() != 64) {
            return false;
        }
        byte[] expected = hash(secret, userId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, givenHash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
