package org.switchboard.conversations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.ChannelType;
import org.switchboard.channels.entity.TicketDefaults;
import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.User;
import org.switchboard.testing.Fixtures;

class MessageTest {

    private final Conversation conversation = new Conversation(
            new Channel(ChannelType.CUSTOM, "Custom", TicketDefaults.of(Fixtures.supportPipeline())), null, "thread-1");
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
    void internalNotesAreNeverDelivered() {
        Message note = Message.internalNote(conversation, agent, "Customer is a VIP");
        assertEquals(DeliveryState.NOT_APPLICABLE, note.getDeliveryState());
        assertThrows(IllegalStateException.class, () -> note.markSent("x", Instant.now(), null));
    }
}
