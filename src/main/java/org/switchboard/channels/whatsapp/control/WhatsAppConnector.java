package org.switchboard.channels.whatsapp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.Composer;
import org.switchboard.channels.connector.Connection;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.connector.ReplyTemplate;
import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.i18n.Texts;

/**
 * WhatsApp Business (Cloud API) on the seam. Receiving: Meta's webhook at
 * {@code /api/v1/inbound/whatsapp} ({@code WhatsAppWebhookResource}), routed to the channel by the
 * phone number id, signature checked with the channel's app secret; messages through the journal
 * ({@link WhatsAppMessageParser}), statuses onto our messages. Sending: {@link WhatsAppSender}.
 */
@ApplicationScoped
public class WhatsAppConnector implements ChannelConnector {

    public static final String KIND = "WHATSAPP";

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
        return "/settings/connect-whatsapp.xhtml";
    }

    /** WhatsApp's 24-hour window, from the customer's last message: the time left, or closed with the reason. */
    @Override
    @Transactional
    public Composer composer(long channelId, long conversationId, String agentFullName) {
        java.time.Instant last = org.switchboard.conversations.control.CustomerWindow.lastFromCustomer(em, conversationId);
        if (last == null) {
            return Composer.PLAIN;
        }
        java.time.Duration left = java.time.Duration.between(java.time.Instant.now(), last.plus(WhatsAppSender.WINDOW));
        if (left.isNegative() || left.isZero()) {
            Channel channel = em.find(Channel.class, channelId);
            WhatsAppSettings settings = channel == null ? null : WhatsAppChannelService.settingsOf(channel);
            java.util.List<ReplyTemplate> templates = settings == null ? java.util.List.of() : settings.approvedTemplates().stream()
                    .map(t -> new ReplyTemplate(t.name() + "|" + t.language(), t.name(), t.language(), t.body(), t.parameters())).toList();
            return new Composer(null, null, texts.get(templates.isEmpty() ? "whatsapp.windowClosed" : "whatsapp.windowClosedTemplates"), true, templates);
        }
        return new Composer(null, null, texts.get("whatsapp.windowOpen", left.toHours(), left.toMinutesPart())).quoting();
    }

    @Override
    public String editFragment() {
        return "/WEB-INF/channels/whatsapp/edit.xhtml";
    }

    @Override
    @Transactional
    public Connection connection(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        WhatsAppSettings settings = channel == null ? null : WhatsAppChannelService.settingsOf(channel);
        if (settings == null || settings.phoneNumberId() == null) {
            return Connection.notConnected(texts.get("whatsapp.notSetUp"));
        }
        if (settings.tokenInvalidSince() != null) {
            return Connection.notConnected(texts.get("whatsapp.reconnect"));
        }
        return Connection.connected(settings.displayPhoneNumber() != null ? settings.displayPhoneNumber() : settings.phoneNumberId());
    }
}
