package org.switchboard.channels.email.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

/** The one-pass decoder reads what Jakarta Mail's decoder stream reads, byte for byte. */
class QuotedPrintableTest {

    @Test
    void decodesEscapesSoftBreaksAndPaddingAsJakartaMailDoes() throws Exception {
        String[] samples = {
                "Hyv=C3=A4=C3=A4 p=C3=A4iv=C3=A4=\r\n jatkuu",
                "line one   \r\nline two\t\r\nlast",
                "soft =  \r\nbreak with padding",
                "lower case =c3=a4 escapes",
                "ends with a soft break=",
                "LF only=\nsoft break\nand a line",
                "= not an escape, =ZZ neither",
                "a=3D b",
                "",
        };
        for (String sample : samples) {
            byte[] raw = sample.getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(jakartaMail(raw), decoded(raw), sample);
        }
        // a cut-off escape at the very end stays as written (Jakarta Mail's stream appends a 0xFF byte there)
        assertEquals("costs =4", new String(decoded("costs =4".getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));
        assertEquals("Hyvää päivä jatkuu", new String(decoded(samples[0].getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8));
    }

    @Test
    void decodesWhatJakartaMailEncodesWhateverTheBytes() throws Exception {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] original = new byte[random.nextInt(3_000)];
            for (int i = 0; i < original.length; i++) {
                int pick = random.nextInt(10);
                original[i] = (byte) (pick < 6 ? 'a' + random.nextInt(26) : pick == 6 ? ' ' : pick == 7 ? '\n' : random.nextInt(256));
            }
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            try (var encoder = MimeUtility.encode(encoded, "quoted-printable")) {
                encoder.write(original);
            }
            byte[] wire = encoded.toByteArray();
            assertArrayEquals(jakartaMail(wire), decoded(wire), "round " + round);
        }
    }

    /** As the mail reader uses it: into a buffer as long as the input, then its decoded length. */
    private static byte[] decoded(byte[] raw) {
        byte[] out = new byte[raw.length];
        return Arrays.copyOf(out, QuotedPrintable.decode(raw, out));
    }

    private static byte[] jakartaMail(byte[] raw) throws Exception {
        return MimeUtility.decode(new ByteArrayInputStream(raw), "quoted-printable").readAllBytes();
    }
}
