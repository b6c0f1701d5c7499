package org.switchboard.channels.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.Connection;
import org.switchboard.channels.connector.ContactIdentity;

/**
 * Website chat on the seam. Receiving: the widget's endpoints ({@code /api/v1/inbound/chat/{key}/…}
 * and the WebSocket {@code /widget/socket/{key}}) journal visitor messages ({@link ChatMessageParser});
 * sending: {@link ChatSender} wakes the visitor's widgets, which read the reply by sequence number.
 */
@ApplicationScoped
public class ChatConnector implements ChannelConnector {

    public static final String KIND = "CHAT";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ContactIdentity identity() {
        return ContactIdentity.EXTERNAL_USER_ID;
    }

    @Override
    public String connectPage() {
        return "/settings/connect-chat.xhtml";
    }

    @Override
    public String editFragment() {
        return "/WEB-INF/channels/chat/edit.xhtml";
    }

    @Inject
    ChatVisitors visitors;

    /** A visitor who wrote while the team was away is answered by email, through the channel the chat names. */
    @Override
    public java.util.OptionalLong repliesThrough(long channelId, long conversationId) {
        return visitors.awayAnswerChannel(channelId, conversationId);
    }

    @Override
    public Connection connection(long channelId) {
        return Connection.connected("/widget/v1.js");
    }
}
