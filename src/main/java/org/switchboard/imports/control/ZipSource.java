package org.switchboard.imports.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip of mails: a Maildir (files under {@code cur/} and {@code new/}) or a folder of
 * {@code .eml} files. Mails are read in name order; the position is the index in that order.
 */
public final class ZipSource implements MailSource {

    private final Path file;
    private final String part;
    private ZipFile zip;
    private List<? extends ZipEntry> entries;
    private int index;

    public ZipSource(Path file, String part) {
        this.file = file;
        this.part = part;
    }

    @Override
    public void open(String resumeAfter) throws IOException {
        zip = new ZipFile(file.toFile());
        entries = zip.stream().filter(e -> !e.isDirectory() && isMail(e.getName()))
                .sorted(Comparator.comparing(ZipEntry::getName)).toList();
        index = resumeAfter == null ? 0 : Integer.parseInt(resumeAfter);
    }

    /** Maildir keeps mail in cur/ and new/ (not tmp/); otherwise .eml files. */
    static boolean isMail(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("__macosx/") || lower.endsWith("/.ds_store")) {
            return false;
        }
        return lower.endsWith(".eml") || lower.contains("/cur/") || lower.contains("/new/") || lower.startsWith("cur/") || lower.startsWith("new/");
    }

    @Override
    public Long total() {
        return (long) entries.size();
    }

    @Override
    public SourceMail next() throws IOException {
        if (index >= entries.size()) {
            return null;
        }
        ZipEntry entry = entries.get(index);
        index++;
        try (InputStream in = zip.getInputStream(entry)) {
            return new SourceMail(part, entry.getName(), Integer.toString(index), in.readAllBytes());
        }
    }

    @Override
    public void close() {
        try {
            if (zip != null) {
                zip.close();
            }
        } catch (IOException ignored) {
            // read-only file
        }
    }
}
