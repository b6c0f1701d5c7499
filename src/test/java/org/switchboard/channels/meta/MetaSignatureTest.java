package org.switchboard.channels.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MetaSignatureTest {

    private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"message\":{\"text\":\"Hyv\\u00e4\\u00e4 \\ud83d\\udc4b\"}}]}]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHexHmacOfTheRawBodyUnderTheAppSecret() {
        // computed independently of this code: printf '%s' "$body" | openssl dgst -sha256 -hmac app-secret
        assertEquals("sha256=46a3f5b5e535c705d546a34e7930781ca9198c78e091cf13266ac85c504a122c", MetaSignature.header("app-secret", BODY));
        assertTrue(MetaSignature.verifies("app-secret", BODY, MetaSignature.header("app-secret", BODY)));
        assertTrue(MetaSignature.verifies("app-secret", BODY, MetaSignature.header("app-secret", BODY).toUpperCase().replace("SHA256=", "sha256=")),
                "hex in either case");
    }

    @Test
    void oneThreadSigningForSeveralSecretsInTurnKeepsThemApart() {
        String first = MetaSignature.header("app-secret", BODY);
        String other = MetaSignature.header("another-secret", BODY);
        assertFalse(first.equals(other));
        assertEquals("sha256=46a3f5b5e535c705d546a34e7930781ca9198c78e091cf13266ac85c504a122c", MetaSignature.header("app-secret", BODY),
                "the thread's reused HMAC carries nothing over from the secret before");
        assertTrue(MetaSignature.verifies("another-secret", BODY, other));
    }

    @Test
    void missingWrongOrReEncodedIsRefused() {
        String good = MetaSignature.header("app-secret", BODY);
        assertFalse(MetaSignature.verifies("app-secret", BODY, null));
        assertFalse(MetaSignature.verifies("app-secret", BODY, ""));
        assertFalse(MetaSignature.verifies("app-secret", BODY, good.substring("sha256=".length())), "without the sha256= prefix");
        assertFalse(MetaSignature.verifies("app-secret", BODY, "sha1=" + good.substring(7)));
        assertFalse(MetaSignature.verifies("app-secret", BODY, "sha256=zz"));
        assertFalse(MetaSignature.verifies("other-secret", BODY, good));
        assertFalse(MetaSignature.verifies(null, BODY, good));
        byte[] reEncoded = new String(BODY, StandardCharsets.UTF_8).replace("\\u00e4", "ä").getBytes(StandardCharsets.UTF_8);
        assertFalse(MetaSignature.verifies("app-secret", reEncoded, good), "the same JSON written again is other bytes");
    }
}
