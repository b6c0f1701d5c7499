package org.switchboard.conversations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.TicketDefaults;
import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.User;
import org.switchboard.testing.Fixtures;

class MessageTest {

    private final Conversation conversation = new Conversation(
            new Channel("CUSTOM", "Custom", TicketDefaults.of(Fixtures.supportPipeline())), null, "thread-1");
    private final User agent = new User("maria", "Maria", null, EnumSet.of(Role.AGENT));

    @Test
    void inboundMessagesNeedAnExternalIdAndSomeContent() {
        assertThrows(IllegalArgumentException.class, () -> Message.inbound(conversation, " ", "s", "text", null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> Message.inbound(conversation, "id-1", "s", " ", null, Instant.now()));
        Message m = Message.inbound(conversation, "id-1", "s", "hello", null, Instant.now());
        assertEquals(DeliveryState.RECEIVED, m.getDeliveryState());
    }

    @Test
    void outboundMessagesMoveFromPendingToSentOrFailed() {
        Message reply = Message.outbound(conversation, agent, "Re: s", "Hi", null);
        assertEquals(DeliveryState.PENDING, reply.getDeliveryState());
        reply.markFailed("SMTP 451");
        assertEquals("SMTP 451", reply.getDeliveryError());
        reply.markSent("<abc@switchboard>", Instant.now(), null);
        assertEquals(DeliveryState.SENT, reply.getDeliveryState());
        assertEquals(null, reply.getDeliveryError());
    }

    @Test
    void aReplyThatWaitsForItsChannelNeverFailsForWaitingWhileFailedAttemptsDo() {
        Message reply = Message.outbound(conversation, agent, "Re: s", "Hi", null);
        for (int i = 0; i < 50; i++) {
            reply.deliveryWaits("WhatsApp: 130429 Rate limit hit", java.time.Duration.ofSeconds(30));
        }
        assertEquals(DeliveryState.PENDING, reply.getDeliveryState());
        assertEquals(0, reply.getDeliveryAttempts());
        assertEquals("WhatsApp: 130429 Rate limit hit", reply.getDeliveryError(), "the agent sees why it waits");
        assertEquals(true, reply.getNextDeliveryAt().isAfter(Instant.now().plusSeconds(25)));
        reply.deliveryAttemptFailed("HTTP 503", 2, java.time.Duration.ofSeconds(1));
        assertEquals(DeliveryState.PENDING, reply.getDeliveryState());
        reply.deliveryAttemptFailed("HTTP 503", 2, java.time.Duration.ofSeconds(1));
        assertEquals(DeliveryState.FAILED, reply.getDeliveryState(), "real failures still end after the maximum attempts");
    }

    @Test
    void aReplyQuotesOnlyTheCustomersMessagesOfItsOwnConversation() {
        Message question = Message.inbound(conversation, "wamid.1", "s", "Where is my order?", null, Instant.now());
        Message reply = Message.outbound(conversation, agent, "Re: s", "It ships today", null);
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> reply.quote(question), "the customer's message in the same conversation");
        Message other = Message.inbound(new Conversation(conversation.getChannel(), null, "thread-2"), "wamid.2", "s", "Hi", null, Instant.now());
        assertThrows(IllegalArgumentException.class, () -> reply.quote(other), "another conversation's message");
        assertThrows(IllegalArgumentException.class, () -> reply.quote(Message.outbound(conversation, agent, "Re: s", "Earlier", null)),
                "our own message");
        assertThrows(IllegalStateException.class, () -> question.quote(question), "only a reply quotes");
    }

    @Test
    void internalNotesAreNeverDelivered() {
        Message note = Message.internalNote(conversation, agent, "Customer is a VIP");
        assertEquals(DeliveryState.NOT_APPLICABLE, note.getDeliveryState());
        assertThrows(IllegalStateException.class, () -> note.markSent("x", Instant.now(), null));
    }

    @Test
    void statusesMoveAReplyForwardOnlyWhateverOrderTheyComeIn() {
        Message reply = Message.outbound(conversation, agent, "Re: s", "Hi", null);
        assertEquals(true, reply.recordStatus(DeliveryState.DELIVERED, null), "a receiver may report before our send commits");
        reply.markSent(null, Instant.now(), null);
        assertEquals(DeliveryState.DELIVERED, reply.getDeliveryState(), "the late send record does not move it back");
        assertEquals(true, reply.recordStatus(DeliveryState.READ, null));
        assertEquals(false, reply.recordStatus(DeliveryState.DELIVERED, null), "a late delivery report");
        assertEquals(false, reply.recordStatus(DeliveryState.READ, null), "a repeat");
        assertEquals(false, reply.recordStatus(DeliveryState.FAILED, "lost"), "a failure after reading");
        assertEquals(DeliveryState.READ, reply.getDeliveryState());
        assertThrows(IllegalArgumentException.class, () -> reply.recordStatus(DeliveryState.PENDING, null));
    }

    @Test
    void aReportedFailureOfASentReplyKeepsTheProvidersReason() {
        Message reply = Message.outbound(conversation, agent, "Re: s", "Hi", null);
        reply.markSent(null, Instant.now(), null);
        assertEquals(true, reply.recordStatus(DeliveryState.FAILED, "131047 re-engagement message"));
        assertEquals(DeliveryState.FAILED, reply.getDeliveryState());
        assertEquals("131047 re-engagement message", reply.getDeliveryError());
        assertEquals(false, reply.recordStatus(DeliveryState.DELIVERED, null), "failed stays failed");
    }

    @Test
    void aPermanentRefusalFailsAtOnceAndCountsTheAttempt() {
        Message reply = Message.outbound(conversation, agent, "Re: s", "Hi", null);
        reply.queueForDelivery();
        reply.attemptRefused("550 5.1.1 user unknown");
        assertEquals(DeliveryState.FAILED, reply.getDeliveryState());
        assertEquals(1, reply.getDeliveryAttempts());
        assertEquals(null, reply.getNextDeliveryAt());
    }
}
