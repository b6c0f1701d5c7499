package org.switchboard.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.switchboard.platform.config.InvalidSettingException;
import org.switchboard.platform.config.SwitchboardSettings;

/**
 * Finds the AES key for stored secrets: SWITCHBOARD_SECRET_KEY (base64 of 16, 24 or 32 bytes), or
 * the file {@code secret.key} in the data folder, created with a random key on first start.
 */
public final class SecretKeys {

    static final String KEY_FILE = "secret.key";

    private SecretKeys() {
    }

    public static SecretKey load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return decode(configured.get(), SwitchboardSettings.SECRET_KEY);
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                writeNewKey(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), SwitchboardSettings.DATA_DIR);
        } catch (IOException e) {
            throw new InvalidSettingException(SwitchboardSettings.DATA_DIR,
                    "the key file " + file + " cannot be read or written (" + e.getMessage() + ")");
        }
    }

    private static void writeNewKey(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException raced) {
            return; // another instance sharing the folder wrote it first; use theirs
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions protect it
        }
    }

    static SecretKey decode(String text, String settingKey) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(settingKey, "the secret key is not valid base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new InvalidSettingException(settingKey,
                    "the secret key must be base64 of 16, 24 or 32 random bytes (it has " + bytes.length + "); e.g. openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
