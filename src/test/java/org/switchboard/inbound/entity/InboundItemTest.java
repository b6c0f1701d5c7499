package org.switchboard.inbound.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.TicketDefaults;
import org.switchboard.testing.Fixtures;

class InboundItemTest {

    private InboundItem item() {
        Channel channel = new Channel("CUSTOM", "Custom", TicketDefaults.of(Fixtures.supportPipeline()));
        return new InboundItem(channel, "msg-1", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailureSchedulesARetryWithBackoff() {
        InboundItem item = item();
        Instant before = Instant.now();
        item.recordFailure("database down", 3, Duration.ofSeconds(30));
        assertEquals(InboundState.PENDING, item.getState());
        assertEquals(1, item.getAttempts());
        assertTrue(item.getNextAttemptAt().isAfter(before.plusSeconds(29)));
        assertEquals("database down", item.getLastError());
    }

    @Test
    void theLastAllowedFailureQuarantinesWithTheReason() {
        InboundItem item = item();
        item.recordFailure("a", 2, Duration.ofSeconds(1));
        item.recordFailure("b", 2, Duration.ofSeconds(1));
        assertEquals(InboundState.QUARANTINED, item.getState());
        assertEquals("b", item.getLastError());
        assertNull(item.getNextAttemptAt());
        assertThrows(IllegalStateException.class, item::markProcessed, "a quarantined item waits for an admin");
    }

    @Test
    void anAdminRequeuesAQuarantinedItemButNeverAProcessedOne() {
        InboundItem item = item();
        item.quarantine("malformed MIME");
        item.requeue();
        assertEquals(InboundState.PENDING, item.getState());
        assertEquals(0, item.getAttempts());
        item.markProcessed();
        assertNotNull(item.getProcessedAt());
        assertThrows(IllegalStateException.class, item::requeue);
    }

    @Test
    void longErrorsAreTruncated() {
        InboundItem item = item();
        item.quarantine("x".repeat(5000));
        assertEquals(InboundItem.ERROR_MAX, item.getLastError().length());
    }

}
