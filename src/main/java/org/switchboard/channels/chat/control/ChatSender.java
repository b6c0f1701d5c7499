package org.switchboard.channels.chat.control;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.conversations.entity.Message;
import org.switchboard.outbound.control.MessageSender;
import org.switchboard.outbound.control.PermanentFailure;
import org.switchboard.outbound.control.SendOutcome;
import org.switchboard.platform.live.LiveEvents;

/**
 * Delivers an agent's reply to the visitor: the reply is already in the conversation, at its
 * place, so sending is waking the visitor's open widgets, which read it by sequence number. SENT
 * means the widget can read it now; the widget's receipts move it to DELIVERED and READ. A widget
 * that is closed reads it the next time it opens — nothing waits in a queue that could be lost.
 */
@ApplicationScoped
public class ChatSender implements MessageSender {

    @Inject
    LiveEvents live;

    @Override
    public String kind() {
        return ChatConnector.KIND;
    }

    @Override
    public Attempt prepare(Message message) {
        String threadKey = message.getConversation() == null ? null : message.getConversation().getThreadKey();
        if (threadKey == null || !threadKey.startsWith("chat:") || threadKey.contains("~")) {
            throw new PermanentFailure("This chat conversation has ended; the visitor can no longer receive replies in it");
        }
        String topic = Visitor.topic(message.getChannel().getId(), threadKey.substring("chat:".length()));
        byte[] copy = message.getText() == null ? new byte[0] : message.getText().getBytes(StandardCharsets.UTF_8);
        return () -> {
            live.publish(topic);
            return SendOutcome.sent(null, copy);
        };
    }
}
