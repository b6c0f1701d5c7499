package org.switchboard.channels.custom.control;

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
import org.switchboard.platform.i18n.Texts;

/**
 * Custom channels on the seam. Receiving is the generic {@code POST /api/v1/channels/{key}/messages}
 * (an API token; {@code GenericMessageParser}); sending is {@link CustomSender} (a signed webhook);
 * statuses come back at {@code …/messages/{id}/status}.
 */
@ApplicationScoped
public class CustomConnector implements ChannelConnector {

    public static final String KIND = "CUSTOM";

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
        return "/settings/connect-custom.xhtml";
    }

    @Override
    public String editFragment() {
        return "/WEB-INF/channels/custom/edit.xhtml";
    }

    @Override
    @Transactional
    public Connection connection(long channelId) {
        CustomSettings settings = settings(channelId);
        return settings == null || settings.webhookUrl() == null
                ? Connection.notConnected(texts.get("custom.receiveOnly")) : Connection.connected(settings.webhookUrl());
    }

    @Override
    @Transactional
    public Composer composer(long channelId, String agentFullName) {
        CustomSettings settings = settings(channelId);
        if (settings == null || settings.webhookUrl() == null) {
            return new Composer(null, null, texts.get("custom.noWebhook"));
        }
        return Composer.PLAIN;
    }

    private CustomSettings settings(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        try {
            return channel == null ? null : CustomChannelService.settingsOf(channel);
        } catch (IllegalStateException unreadable) {
            return null;
        }
    }
}
