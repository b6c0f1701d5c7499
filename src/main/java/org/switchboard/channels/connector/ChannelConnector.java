package org.switchboard.channels.connector;

/**
 * What a kind of channel tells the rest of Switchboard about itself. One implementation per kind,
 * an {@code @ApplicationScoped} bean in the kind's own package ({@code org.switchboard.channels.<kind>});
 * {@link ChannelConnectors} finds it by CDI, so adding a kind edits no list. Receiving (endpoints,
 * authentication, a {@code PayloadParser}) and sending (an {@code outbound.control.MessageSender})
 * are the kind's own beans beside it.
 */
public interface ChannelConnector {

    /** The kind's name as stored on its channels, e.g. {@code CUSTOM}; upper case, digits and _. */
    String kind();

    /** Which contact identity the kind knows people by. */
    ContactIdentity identity();

    /** The page (outcome) that connects a new channel of this kind, from Settings → Channels. */
    String connectPage();

    /** The Facelets fragment the generic channel edit page includes for this kind's settings; null when none. */
    default String editFragment() {
        return null;
    }

    /** Is the channel set up to receive and send, and what to show about it in the channel list. */
    default Connection connection(long channelId) {
        return Connection.connected(null);
    }

    /**
     * The kind's own texts ({@code name}, {@code description}, in English and Finnish), kept with the
     * kind: {@code texts.properties} in the kind's package, e.g. {@code org/switchboard/channels/custom/texts.properties}.
     */
    default java.util.ResourceBundle texts(java.util.Locale locale) {
        String pack = getClass().getPackageName().replaceAll("\\.(control|boundary)$", "");
        return java.util.ResourceBundle.getBundle(pack + ".texts", locale, getClass().getClassLoader());
    }

    /** What the agent's reply box shows for a conversation on this channel. */
    default Composer composer(long channelId, String agentFullName) {
        return Composer.PLAIN;
    }

    /**
     * The reply box for one conversation, where it depends on the conversation (a provider's reply
     * window that runs from the contact's last message); by default the channel's.
     */
    default Composer composer(long channelId, long conversationId, String agentFullName) {
        return composer(channelId, agentFullName);
    }

    /**
     * The channel that sends this channel's replies, when the kind cannot send itself (a form is
     * answered by team email); empty when the channel sends its own replies.
     */
    default java.util.OptionalLong repliesThrough(long channelId) {
        return java.util.OptionalLong.empty();
    }

    /**
     * The channel that sends the replies of one conversation: where it depends on the conversation
     * (a chat visitor who wrote while the team was away is answered by email), the kind says so here.
     */
    default java.util.OptionalLong repliesThrough(long channelId, long conversationId) {
        return repliesThrough(channelId);
    }
}
