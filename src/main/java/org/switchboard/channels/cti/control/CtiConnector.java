package org.switchboard.channels.cti.control;

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
 * A phone system's CTI webhook on the seam. Receiving: {@code /webhooks/calls/{token}}
 * ({@code CtiWebhookServlet} → {@link CtiWebhook}), events journaled and read by {@link CtiEventParser},
 * applied to their call by {@link CtiIntake}. A phone channel carries no written replies: the reply
 * box says to call back.
 */
@ApplicationScoped
public class CtiConnector implements ChannelConnector {

    public static final String KIND = "CTI";

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
        return ContactIdentity.PHONE;
    }

    @Override
    public String connectPage() {
        return "/settings/connect-cti.xhtml";
    }

    @Override
    public String editFragment() {
        return "/WEB-INF/channels/cti/edit.xhtml";
    }

    @Override
    public Composer composer(long channelId, String agentFullName) {
        return new Composer(null, null, texts.get("cti.noWrittenReplies"), true);
    }

    @Override
    @Transactional
    public Connection connection(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        CtiSettings settings = channel == null ? null : CtiChannelService.settingsOf(channel);
        if (settings == null || settings.tokenHash() == null) {
            return Connection.notConnected(texts.get("cti.notSetUp"));
        }
        return Connection.connected(settings.country() == null ? texts.get("cti.noCountry") : texts.get("cti.country", settings.country()));
    }
}
