package org.switchboard.channels.email.control;

/**
 * Quoted-printable (RFC 2045 §6.7) decoded in one pass over a byte array. Jakarta Mail's decoder
 * stream reads one byte per call through two wrapping streams; profiling the mailbox import
 * (docs/performance.md) put 42 % of the import thread's time there. Decodes what that stream
 * decodes, byte for byte (a test compares them): {@code =XX} escapes, soft line breaks ({@code =}
 * before a line break), spaces before a line break dropped as transport padding, line breaks kept,
 * and — lenient like it — a malformed {@code =} kept as it stands.
 */
final class QuotedPrintable {

    private QuotedPrintable() {
    }

    /** Decodes into {@code out} (at least as long as {@code in}: decoding never grows); returns the decoded length. */
    static int decode(byte[] in, byte[] out) {
        int o = 0;
        int i = 0;
        int n = in.length;
        while (i < n) {
            byte b = in[i];
            if (b == '=') {
                int high = i + 1 < n ? hex(in[i + 1]) : -1;
                int low = i + 2 < n ? hex(in[i + 2]) : -1;
                if (high >= 0 && low >= 0) {
                    out[o++] = (byte) (high << 4 | low);
                    i += 3;
                    continue;
                }
                if (i + 1 == n) { // "=" at the very end: a soft break with nothing after it
                    i = n;
                    continue;
                }
                if (in[i + 1] == '\r' || in[i + 1] == '\n') { // soft line break: the line goes on
                    i = in[i + 1] == '\r' && i + 2 < n && in[i + 2] == '\n' ? i + 3 : i + 2;
                    continue;
                }
                out[o++] = b; // malformed escape: kept as written
                i++;
                continue;
            }
            if (b == ' ') {
                int j = i;
                while (j < n && in[j] == ' ') {
                    j++;
                }
                if (j == n || in[j] == '\r' || in[j] == '\n') { // transport padding before a line break
                    i = j;
                    continue;
                }
                while (i < j) {
                    out[o++] = in[i++];
                }
                continue;
            }
            out[o++] = b;
            i++;
        }
        return o;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
