package org.switchboard.channels.twilio.control;

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
 * Twilio Programmable Voice on the seam. Receiving: {@code /webhooks/twilio/{key}/…}
 * ({@code TwilioWebhookServlet} → {@link TwilioVoice}); events journaled and read by
 * {@link TwilioEventParser}, applied by {@link TwilioIntake}; recordings fetched by
 * {@link TwilioRecordings}; click-to-call by {@link TwilioCalls}. No written replies.
 */
@ApplicationScoped
public class TwilioConnector implements ChannelConnector {

    public static final String KIND = "TWILIO_VOICE";

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
        return "/settings/connect-twilio.xhtml";
    }

    @Override
    public String editFragment() {
        return "/WEB-INF/channels/twilio/edit.xhtml";
    }

    @Override
    public Composer composer(long channelId, String agentFullName) {
        return new Composer(null, null, texts.get("cti.noWrittenReplies"), true);
    }

    @Override
    @Transactional
    public Connection connection(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        TwilioSettings settings = channel == null ? null : TwilioChannelService.settingsOf(channel);
        if (settings == null || settings.sealedAuthToken() == null) {
            return Connection.notConnected(texts.get("twilio.notSetUp"));
        }
        return Connection.connected(settings.phoneNumber());
    }
}
