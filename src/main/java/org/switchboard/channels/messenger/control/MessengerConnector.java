package org.switchboard.channels.messenger.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.Composer;
import org.switchboard.channels.connector.Connection;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.entity.Channel;
import org.switchboard.conversations.control.CustomerWindow;
import org.switchboard.platform.i18n.Texts;

/**
 * Facebook Messenger on the seam. Connecting: Facebook Login → the admin's pages → one page
 * ({@code MessengerConnectPage}). Receiving: Meta's webhook at {@code /api/v1/inbound/messenger}
 * ({@link MessengerWebhook}), messages through the journal ({@link MessengerMessageParser}), the
 * page's own behaviour in {@link MessengerIntake}. Sending: {@link MessengerSender}, within
 * {@link MessengerWindow}; the reply box shows the time left and closes after 7 days.
 */
@ApplicationScoped
public class MessengerConnector implements ChannelConnector {

    public static final String KIND = "FACEBOOK_MESSENGER";

    @PersistenceContext
    EntityManager em;

    @Inject
    Texts texts;

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
        return "/settings/connect-messenger.xhtml";
    }

    @Override
    public String editFragment() {
        return "/WEB-INF/channels/messenger/edit.xhtml";
    }

    @Override
    @Transactional
    public Composer composer(long channelId, long conversationId, String agentFullName) {
        Instant last = CustomerWindow.lastFromCustomer(em, conversationId);
        if (last == null) {
            return Composer.PLAIN;
        }
        MessengerWindow window = MessengerWindow.at(last, Instant.now());
        return switch (window.kind()) {
            case STANDARD -> new Composer(null, null, texts.get("messenger.windowStandard", window.left().toHours(), window.left().toMinutesPart()));
            case HUMAN_AGENT -> new Composer(null, null, texts.get("messenger.windowHumanAgent", window.left().toDays(), window.left().toHoursPart()));
            case CLOSED -> new Composer(null, null, texts.get("messenger.windowClosed"), true);
        };
    }

    @Override
    @Transactional
    public Connection connection(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        MessengerSettings settings = channel == null ? null : MessengerChannelService.settingsOf(channel);
        if (settings == null || settings.pageId() == null) {
            return Connection.notConnected(texts.get("messenger.notSetUp"));
        }
        if (settings.tokenInvalidSince() != null) {
            return Connection.notConnected(texts.get("messenger.reconnect"));
        }
        return Connection.connected(settings.pageName());
    }
}
