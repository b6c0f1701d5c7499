package org.switchboard.channels.messenger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.inbound.control.InvalidPayloadException;

/** A watermark's journal name is its key and its payload's first line: read back, it is the same watermark. */
class MessengerWatermarksTest {

    @Test
    void aWatermarkReadsBackFromItsName() {
        MessengerWatermarks.Watermark read = new MessengerWatermarks.Watermark(DeliveryState.READ, "6900000000000001", Instant.ofEpochMilli(1458668856253L));
        assertEquals("read 6900000000000001 1458668856253", read.name());
        assertEquals(read, MessengerWatermarks.Watermark.of(read.name()));
        MessengerWatermarks.Watermark delivered = new MessengerWatermarks.Watermark(DeliveryState.DELIVERED, "42", Instant.ofEpochMilli(1));
        assertEquals(delivered, MessengerWatermarks.Watermark.of(delivered.name()));
    }

    @Test
    void anythingElseIsRefusedForGood() {
        for (String name : new String[] {"seen 42 1", "read 42", "read x42 1", "read 42 1 extra", "delivery 42 -1"}) {
            assertThrows(InvalidPayloadException.class, () -> MessengerWatermarks.Watermark.of(name), name);
        }
    }
}
