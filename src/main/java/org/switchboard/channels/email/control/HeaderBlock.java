package org.switchboard.channels.email.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * A mail's header block read into {@link InternetHeaders} the way Jakarta Mail reads it (lines
 * ended by CRLF, LF or CR; folded lines joined to their header; UTF-8, as the reader's session
 * allows), leaving the stream at the body. Jakarta Mail's own loading looks its stream provider up
 * through the ServiceLoader on every call, which profiling the mailbox import showed scanning jar
 * entries for 14 % of the import thread (docs/performance.md).
 */
final class HeaderBlock {

    private HeaderBlock() {
    }

    /** @param in a stream that supports mark and reset (a CR may end a line alone) */
    static InternetHeaders read(InputStream in) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            while (true) {
                int b = in.read();
                if (b == -1 || b == '\n' || b == '\r') {
                    if (b == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    if (line.size() == 0) {
                        return headers; // the blank line: the body follows
                    }
                    headers.addHeaderLine(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    if (b == -1) {
                        return headers;
                    }
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            throw new MessagingException("the mail's headers cannot be read", e);
        }
    }
}
