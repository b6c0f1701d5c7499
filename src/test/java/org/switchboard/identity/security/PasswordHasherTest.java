package org.switchboard.identity.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void aHashVerifiesOnlyItsPassword() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha512$1000$"), hash);
        assertTrue(hasher.verify("correct horse".toCharArray(), hash));
        assertFalse(hasher.verify("correct horsE".toCharArray(), hash));
        assertFalse(hash.contains("correct"));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("pw-pw-pw".toCharArray()), hasher.hash("pw-pw-pw".toCharArray()));
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertFalse(hasher.verify("x".toCharArray(), null));
        assertFalse(hasher.verify("x".toCharArray(), "plain-text-password"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2-sha512$abc$$"));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(new char[0]));
    }

    @Test
    void hashesWithOlderIterationCountsAskForARehash() {
        String old = hasher.hash("pw-pw-pw".toCharArray());
        assertTrue(new PasswordHasher().needsRehash(old));
        assertFalse(hasher.needsRehash(old));
    }

    @Test
    void productionStrengthFollowsOwaspAdvice() {
        assertTrue(new PasswordHasher().hash("pw-pw-pw".toCharArray()).startsWith("pbkdf2-sha512$210000$"));
    }
}
