package org.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The test server's own log (Payara runs with {@code --logToFile}, see arquillian.xml; its file
 * handler adds a generation suffix such as {@code .0}). Tests read what the server said since a
 * mark, and a failing test quotes the server's errors, so a CI report shows why.
 */
public final class ServerLog {

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the log's current end. */
    public static ServerLog mark() {
        Path file = current();
        try {
            return new ServerLog(file, file == null ? 0 : Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server logged after the mark (everything, when the file was rotated meanwhile). */
    public String since() {
        Path now = current();
        if (now == null) {
            return "";
        }
        try {
            byte[] bytes = Files.readAllBytes(now);
            int from = now.equals(file) && bytes.length >= mark ? (int) mark : 0; // bytes, not chars: the log holds non-ASCII text
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SEVERE and WARNING records after the mark with the first lines of each, for a failure message. */
    public String problems() {
        StringBuilder out = new StringBuilder();
        String[] lines = since().split("\n");
        for (int i = 0; i < lines.length && out.length() < 6000; i++) {
            if (lines[i].contains("SEVERE") || lines[i].contains("WARNING")) {
                for (int j = i; j < Math.min(lines.length, i + 14); j++) {
                    out.append(lines[j]).append('\n');
                }
            }
        }
        return out.length() == 0 ? "(the server logged no warning or error)" : out.toString();
    }

    private static Path current() {
        String configured = System.getProperty("payara.logFile");
        if (configured == null) {
            return null;
        }
        Path path = Path.of(configured);
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(path.getFileName().toString()))
                    .filter(f -> !f.getFileName().toString().endsWith(".lck"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified())).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
