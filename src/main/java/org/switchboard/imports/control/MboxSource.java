package org.switchboard.imports.control;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An mbox file: mails separated by lines starting with "From " (mboxo and mboxrd; a quoted
 * ">From " line loses one ">"). The position is the byte offset of a mail's "From " line, so a
 * resume seeks straight to it.
 */
public final class MboxSource implements MailSource {

    private final Path file;
    private final String part;
    private FileChannel channel;
    private InputStream in;
    private long offset;
    private byte[] pendingLine;

    public MboxSource(Path file, String part) {
        this.file = file;
        this.part = part;
    }

    @Override
    public void open(String resumeAfter) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        offset = resumeAfter == null ? 0 : Long.parseLong(resumeAfter);
        channel.position(offset);
        in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        pendingLine = readLine();
        while (pendingLine != null && !isSeparator(pendingLine)) {
            pendingLine = readLine(); // text before the first separator is not a mail
        }
    }

    @Override
    public Long total() {
        return null;
    }

    @Override
    public SourceMail next() throws IOException {
        if (pendingLine == null) {
            return null;
        }
        long start = offset - pendingLine.length;
        ByteArrayOutputStream mail = new ByteArrayOutputStream();
        byte[] line;
        while ((line = readLine()) != null && !isSeparator(line)) {
            if (startsWithQuotedFrom(line)) {
                mail.write(line, 1, line.length - 1);
            } else {
                mail.write(line);
            }
        }
        long end = line == null ? offset : offset - line.length;
        pendingLine = line;
        return new SourceMail(part, "byte " + start, Long.toString(end), mail.toByteArray());
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (line.size() == 0) {
            return null;
        }
        offset += line.size();
        return line.toByteArray();
    }

    private static boolean isSeparator(byte[] line) {
        return line.length >= 5 && line[0] == 'F' && line[1] == 'r' && line[2] == 'o' && line[3] == 'm' && line[4] == ' ';
    }

    /** ">From ", ">>From " …: one level of quoting is removed (mboxrd). */
    private static boolean startsWithQuotedFrom(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] == '>') {
            i++;
        }
        return i > 0 && line.length >= i + 5 && line[i] == 'F' && line[i + 1] == 'r' && line[i + 2] == 'o' && line[i + 3] == 'm' && line[i + 4] == ' ';
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // read-only file
        }
    }
}
