package org.switchboard.channels.meta;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the journal keeps for one event of a Meta webhook (WhatsApp, Messenger): a first line naming
 * it ({@code message <id>}, {@code update <what it is about>} or {@code event <what>}), then Meta's webhook body exactly as it arrived —
 * the raw bytes, never re-encoded. A body with several messages is journaled once per message, each
 * under the message id, so a redelivery or a duplicate is the same item. Each kind journals under
 * its own content type, so its own parser reads it.
 */
public record MetaPayload(String kind, String name, byte[] rawBody) {

    public static final String MESSAGE = "message";
    public static final String EVENT = "event";
    /** News about our own messages (a delivery status, a read watermark), named by what it is about. */
    public static final String UPDATE = "update";

    public byte[] toBytes() {
        byte[] head = (kind + " " + name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + rawBody.length);
        System.arraycopy(rawBody, 0, all, head.length, rawBody.length);
        return all;
    }

    public boolean isMessage() {
        return MESSAGE.equals(kind);
    }

    /** @throws IllegalArgumentException when the bytes are not a journaled Meta event */
    public static MetaPayload of(byte[] journaled) {
        int newline = -1;
        for (int i = 0; i < Math.min(journaled.length, 600); i++) {
            if (journaled[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            throw new IllegalArgumentException("no first line naming the event");
        }
        String[] head = new String(journaled, 0, newline, StandardCharsets.UTF_8).split(" ", 2);
        if (head.length != 2 || !(head[0].equals(MESSAGE) || head[0].equals(EVENT) || head[0].equals(UPDATE))) {
            throw new IllegalArgumentException("the first line names no message or event");
        }
        return new MetaPayload(head[0], head[1], Arrays.copyOfRange(journaled, newline + 1, journaled.length));
    }
}
