package org.switchboard.channels.form.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.channels.form.control.FormToken.Verdict;
import org.switchboard.platform.crypto.SecretBox;
import org.switchboard.platform.crypto.SecretKeys;

class FormTokenTest {

    private static final Duration FILL = Duration.ofSeconds(3);
    private static final Duration LIFE = Duration.ofHours(24);

    @Test
    void aTokenIsGoodForItsFormAfterAPersonsFillTimeUntilItExpires(@TempDir Path dir) {
        FormToken tokens = new FormToken(new SecretBox(SecretKeys.load(Optional.empty(), dir)));
        Instant rendered = Instant.parse("2026-12-03T10:00:00Z");
        String token = tokens.issue(7, rendered);
        assertEquals(Verdict.TOO_FAST, tokens.check(token, 7, rendered.plusMillis(800), FILL, LIFE).verdict());
        FormToken.Check good = tokens.check(token, 7, rendered.plusSeconds(4), FILL, LIFE);
        assertEquals(Verdict.VALID, good.verdict());
        assertEquals(good.nonce(), tokens.check(token, 7, rendered.plusSeconds(60), FILL, LIFE).nonce(), "the nonce is the submission's identity");
        assertNotEquals(good.nonce(), tokens.check(tokens.issue(7, rendered), 7, rendered.plusSeconds(4), FILL, LIFE).nonce());
        assertEquals(Verdict.EXPIRED, tokens.check(token, 7, rendered.plus(LIFE).plusSeconds(1), FILL, LIFE).verdict());
        assertEquals(Verdict.FORGED, tokens.check(token, 8, rendered.plusSeconds(4), FILL, LIFE).verdict(), "another form's token");
    }

    @Test
    void anythingNotSignedHereIsForged(@TempDir Path dir, @TempDir Path other) {
        FormToken tokens = new FormToken(new SecretBox(SecretKeys.load(Optional.empty(), dir)));
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        String token = tokens.issue(7, now);
        String foreign = new FormToken(new SecretBox(SecretKeys.load(Optional.empty(), other))).issue(7, now);
        String[] parts = token.split("\\.");
        String earlier = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("7." + now.minusSeconds(60).toEpochMilli() + ".x").getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + "." + parts[1];
        for (String forged : new String[] {null, "", "x", "a.b.c", foreign, earlier, token + "A", "%%%." + parts[1]}) {
            assertEquals(Verdict.FORGED, tokens.check(forged, 7, now.plusSeconds(10), FILL, LIFE).verdict(), String.valueOf(forged));
        }
    }
}
