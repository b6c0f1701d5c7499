package org.switchboard.calls.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * What the journal keeps for one call event: a first line with the moment it arrived and the content
 * type it came as, then the provider's body exactly as it arrived. The arrival time travels with the
 * event because phone systems often send none of their own, and the order of events is judged by it
 * even when processing is retried later.
 */
public record CallPayload(Instant receivedAt, String contentType, byte[] rawBody) {

    public byte[] toBytes() {
        byte[] head = ("received " + receivedAt + " " + contentType.replaceAll("[\\s]", "") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + rawBody.length);
        System.arraycopy(rawBody, 0, all, head.length, rawBody.length);
        return all;
    }

    /** @throws IllegalArgumentException when the bytes are not a journaled call event */
    public static CallPayload of(byte[] journaled) {
        int newline = -1;
        for (int i = 0; i < Math.min(journaled.length, 1000); i++) {
            if (journaled[i] == '\n') {
                newline = i;
                break;
            }
        }
        String[] head = newline < 0 ? new String[0] : new String(journaled, 0, newline, StandardCharsets.UTF_8).split(" ", 3);
        if (head.length != 3 || !head[0].equals("received")) {
            throw new IllegalArgumentException("no first line with the time it was received");
        }
        try {
            return new CallPayload(Instant.parse(head[1]), head[2], Arrays.copyOfRange(journaled, newline + 1, journaled.length));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the time received is not a time: " + head[1]);
        }
    }
}
