package org.switchboard.imports.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.switchboard.platform.config.SwitchboardSettings;

/** Uploaded archives (mbox, Maildir zip, zip of .eml files), kept under the data folder's {@code imports/}. */
@ApplicationScoped
public class ArchiveStore {

    public enum Format {
        MBOX, ZIP
    }

    public record Stored(String archiveId, long bytes, Format format) {
    }

    private static Path folder() throws IOException {
        return Files.createDirectories(SwitchboardSettings.current().dataDir().resolve("imports"));
    }

    public Stored store(String originalName, InputStream body, long maxBytes) throws IOException {
        Format format = formatOf(originalName);
        String safe = originalName.replaceAll("[^A-Za-z0-9._-]", "_");
        String id = UUID.randomUUID().toString().substring(0, 8) + "-" + (safe.length() > 80 ? safe.substring(safe.length() - 80) : safe);
        Path target = folder().resolve(id);
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = body.read(buffer)) != -1) {
                copied += read;
                if (copied > maxBytes) {
                    throw new IllegalArgumentException("The archive is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return new Stored(id, copied, format);
    }

    public static Format formatOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            return Format.ZIP;
        }
        if (lower.endsWith(".mbox") || lower.endsWith(".mbx") || lower.endsWith(".mbs")) {
            return Format.MBOX;
        }
        throw new IllegalArgumentException("name: use .mbox for an mbox file, .zip for a Maildir or a zip of .eml files");
    }

    public boolean exists(String archiveId) {
        try {
            return isSafe(archiveId) && Files.isRegularFile(folder().resolve(archiveId));
        } catch (IOException e) {
            return false;
        }
    }

    public Path path(String archiveId) throws IOException {
        if (!isSafe(archiveId)) {
            throw new IllegalArgumentException("archiveId: not an archive of this server");
        }
        return folder().resolve(archiveId);
    }

    private static boolean isSafe(String archiveId) {
        return archiveId != null && archiveId.matches("[A-Za-z0-9._-]{1,120}") && !archiveId.startsWith(".");
    }
}
