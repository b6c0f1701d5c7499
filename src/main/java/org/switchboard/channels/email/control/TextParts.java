package org.switchboard.channels.email.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Text appended piece by piece, like a StringBuilder, but a single piece is kept and returned as it
 * is. Most mails have one text part: a StringBuilder would copy a body of up to megabytes into
 * itself and out again on every read — the mailbox import's allocation profile put a sixth of its
 * byte arrays there (docs/performance.md).
 */
final class TextParts {

    private final List<String> pieces = new ArrayList<>(1);
    private int length;
    private String joined;

    void append(String piece) {
        pieces.add(piece);
        length += piece.length();
        joined = null;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** All pieces in order; null when empty. */
    String value() {
        if (length == 0) {
            return null;
        }
        if (joined == null) {
            joined = pieces.size() == 1 ? pieces.get(0) : String.join("", pieces);
        }
        return joined;
    }
}
