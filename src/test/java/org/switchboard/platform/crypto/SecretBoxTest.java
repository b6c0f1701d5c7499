package org.switchboard.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.platform.config.InvalidSettingException;

class SecretBoxTest {

    @TempDir
    Path dataDir;

    @Test
    void sealedSecretsOpenWithTheSameKeyAndHideThePlaintext() {
        SecretBox box = new SecretBox(SecretKeys.load(Optional.empty(), dataDir));
        String sealed = box.seal("imap-password-ä");
        assertFalse(sealed.contains("imap-password"));
        assertNotEquals(sealed, box.seal("imap-password-ä"), "a fresh nonce each time");
        assertEquals("imap-password-ä", box.open(sealed));
    }

    @Test
    void aGeneratedKeyIsKeptInTheDataFolderAcrossRestarts() throws Exception {
        SecretKey first = SecretKeys.load(Optional.empty(), dataDir);
        SecretKey second = SecretKeys.load(Optional.empty(), dataDir);
        assertEquals(Base64.getEncoder().encodeToString(first.getEncoded()), Base64.getEncoder().encodeToString(second.getEncoded()));
        assertTrue(Files.exists(dataDir.resolve(SecretKeys.KEY_FILE)));
    }

    @Test
    void anotherKeyOrTamperingCannotOpen() {
        SecretBox box = new SecretBox(SecretKeys.load(Optional.empty(), dataDir));
        String sealed = box.seal("token");
        SecretBox other = new SecretBox(SecretKeys.decode(Base64.getEncoder().encodeToString(new byte[32]), "k"));
        assertThrows(SecretBox.SecretUnreadableException.class, () -> other.open(sealed));
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(SecretBox.SecretUnreadableException.class, () -> box.open(tampered));
    }

    @Test
    void aConfiguredKeyMustBeBase64OfAnAesKeyLength() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SecretKeys.load(Optional.of(Base64.getEncoder().encodeToString(new byte[10])), dataDir));
        assertTrue(e.getMessage().contains("SWITCHBOARD_SECRET_KEY"), e.getMessage());
        assertThrows(InvalidSettingException.class, () -> SecretKeys.load(Optional.of("not base64 !!"), dataDir));
    }
}
