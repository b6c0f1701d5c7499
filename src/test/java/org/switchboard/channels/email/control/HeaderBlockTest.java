package org.switchboard.channels.email.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import jakarta.mail.internet.InternetHeaders;

import org.junit.jupiter.api.Test;

/** The header block reads into the same headers as Jakarta Mail's loader and leaves the stream at the same place. */
class HeaderBlockTest {

    @Test
    void readsWhatJakartaMailReadsAndStopsAtTheBody() throws Exception {
        String[] mails = {
                "From: a@example.com\r\nTo: b@example.com\r\nSubject: folded\r\n  over two lines\r\n\r\nbody\r\n",
                "From: a@example.com\nSubject: LF only\n\tand a tab fold\n\nbody\n",
                "From: a@example.com\rSubject: CR only\r\rbody",
                "Subject: Hyvää päivää\r\nFrom: Äijä <aija@example.fi>\r\n\r\nteksti",
                "From: a@example.com\r\nX-Empty:\r\nX-Colon-Less line\r\n\r\n",
                "From: headers only, no body",
                "\r\nstarts with the body",
                "From: a@example.com\r\n\r\n\r\nbody after a blank line",
        };
        for (String mail : mails) {
            byte[] raw = mail.getBytes(StandardCharsets.UTF_8);
            ByteArrayInputStream ours = new ByteArrayInputStream(raw);
            ByteArrayInputStream theirs = new ByteArrayInputStream(raw);
            InternetHeaders read = HeaderBlock.read(ours);
            InternetHeaders expected = new InternetHeaders(theirs, true);
            assertEquals(lines(expected), lines(read), mail);
            assertArrayEquals(theirs.readAllBytes(), ours.readAllBytes(), "the body starts at the same byte: " + mail);
        }
    }

    private static List<String> lines(InternetHeaders headers) {
        return Collections.list(headers.getAllHeaderLines());
    }
}
