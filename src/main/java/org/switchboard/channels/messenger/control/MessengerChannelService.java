package org.switchboard.channels.messenger.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.NotFoundException;

import org.switchboard.channels.connector.TypedSettings;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.meta.MetaWebhooks;
import org.switchboard.channels.messenger.control.MessengerDtos.MessengerBehaviour;
import org.switchboard.channels.messenger.control.MessengerDtos.MessengerView;
import org.switchboard.outbound.control.OutboundQueue;
import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.cache.RecentLookups;
import org.switchboard.platform.crypto.SecretBox;

/** A Messenger channel's stored connection and behaviour; each method one transaction. Secrets are sealed here. */
@ApplicationScoped
@Transactional
public class MessengerChannelService {

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboundQueue outbound;

    @Inject
    SecretBox secrets;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Every webhook asks which channel it is for: kept two seconds, cleared on this instance when a channel changes. */
    private final RecentLookups<String, Receiver> receivers = new RecentLookups<>(Duration.ofSeconds(2), 1000);

    /** Where a webhook entry for a page goes: the channel and the app secret its signature is checked with. */
    public record Receiver(long channelId, String appSecret, boolean enabled) {
    }

    /** What a send needs: the page id and its access token, opened. */
    public record Outbound(String pageId, String pageToken) {
    }

    /** The Meta app a previous connection used: its id, and its secret sealed (a new connection may reuse it). */
    public record KnownApp(String appId, String sealedAppSecret) {
    }

    public Optional<MessengerView> get(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !MessengerConnector.KIND.equals(channel.getType())) {
            return Optional.empty();
        }
        return Optional.of(view(channel, settingsOf(channel)));
    }

    public Optional<KnownApp> knownApp() {
        return messengerChannels().stream().map(MessengerChannelService::settingsOf)
                .filter(s -> s != null && s.appId() != null && s.sealedAppSecret() != null)
                .reduce((first, later) -> later).map(s -> new KnownApp(s.appId(), s.sealedAppSecret()));
    }

    public String seal(String secret) {
        return secrets.seal(secret);
    }

    public String open(String sealed) {
        return secrets.open(sealed);
    }

    /** The channel that has this page already, other than {@code exceptChannelId}; one page connects to one channel. */
    public Optional<String> pageTakenBy(String pageId, Long exceptChannelId) {
        return messengerChannels().stream()
                .filter(c -> exceptChannelId == null || c.getId() != exceptChannelId)
                .filter(c -> settingsOf(c) != null && pageId.equals(settingsOf(c).pageId()))
                .map(Channel::getName).findFirst();
    }

    /** Stores the page a Facebook Login picked (a new token clears "reconnect needed"); returns the settings for the page set-up. */
    public MessengerSettings connectPage(long channelId, String appId, String sealedAppSecret, String pageId, String pageName, String pageToken) {
        Channel channel = messengerChannel(channelId);
        pageTakenBy(pageId, channelId).ifPresent(other -> {
            throw new IllegalArgumentException("page: this page is connected to the channel " + other + " already");
        });
        MessengerSettings stored = settingsOf(channel);
        if (stored == null) {
            stored = new MessengerSettings(null, null, null, null, null, MetaWebhooks.newVerifyToken("sbfb_"), null, null, MessengerSettings.NO_CONSENT, null, null);
        }
        MessengerSettings updated = stored.withPage(appId, sealedAppSecret, pageId, pageName, secrets.seal(pageToken));
        channel.changeTypeSettings(TypedSettings.write(updated));
        receivers.clearWhenDone(transaction);
        outbound.resume(channelId); // replies that waited for a working page token go now
        return updated;
    }

    public MessengerSettings saveBehaviour(long channelId, MessengerBehaviour behaviour) {
        Channel channel = messengerChannel(channelId);
        MessengerSettings stored = settingsOf(channel);
        if (stored == null || stored.pageId() == null) {
            throw new IllegalStateException("Connect a Facebook page first");
        }
        String consent = behaviour.consentMode() == null ? stored.consent() : behaviour.consentMode();
        String consentText = behaviour.consentText() == null ? stored.consentText() : blankToNull(behaviour.consentText());
        if (!MessengerSettings.NO_CONSENT.equals(consent) && consentText == null) {
            throw new IllegalArgumentException("consentText: the words the person accepts, when consent is asked");
        }
        MessengerSettings updated = stored.withBehaviour(behaviour.greeting() == null ? stored.greeting() : blankToNull(behaviour.greeting()),
                behaviour.instantReply() == null ? stored.instantReply() : blankToNull(behaviour.instantReply()), consent, consentText);
        channel.changeTypeSettings(TypedSettings.write(updated));
        receivers.clearWhenDone(transaction);
        return updated;
    }

    /** The channel a webhook entry for this page belongs to; empty for a page no channel has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Receiver> receiver(String pageId) {
        return receivers.get(pageId, this::findReceiver);
    }

    private Optional<Receiver> findReceiver(String pageId) {
        for (Channel channel : messengerChannels()) {
            MessengerSettings settings = settingsOf(channel);
            if (settings != null && pageId.equals(settings.pageId()) && settings.sealedAppSecret() != null) {
                return Optional.of(new Receiver(channel.getId(), secrets.open(settings.sealedAppSecret()), channel.isEnabled()));
            }
        }
        return Optional.empty();
    }

    /** Meta's handshake: whether any Messenger channel has this verify token (compared in constant time). */
    public boolean verifyTokenKnown(String token) {
        return MetaWebhooks.tokenAmong(messengerChannels().stream().map(MessengerChannelService::settingsOf).filter(Objects::nonNull).map(MessengerSettings::verifyToken), token);
    }

    public Optional<Outbound> outbound(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        MessengerSettings settings = channel == null ? null : settingsOf(channel);
        if (settings == null || settings.pageId() == null || settings.sealedPageToken() == null) {
            return Optional.empty();
        }
        return Optional.of(new Outbound(settings.pageId(), secrets.open(settings.sealedPageToken())));
    }

    public Optional<MessengerSettings> settings(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        return channel == null || !MessengerConnector.KIND.equals(channel.getType()) ? Optional.empty() : Optional.ofNullable(settingsOf(channel));
    }

    /** Meta refused the page token: the channel shows "reconnect needed" until the page is connected again; replies wait. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void tokenRefused(long channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        MessengerSettings settings = channel == null ? null : settingsOf(channel);
        if (settings != null && settings.tokenInvalidSince() == null) {
            channel.changeTypeSettings(TypedSettings.write(settings.withTokenInvalidSince(Instant.now().toString())));
        }
    }

    static MessengerSettings settingsOf(Channel channel) {
        return TypedSettings.read(channel.getTypeSettings(), MessengerSettings.class);
    }

    private List<Channel> messengerChannels() {
        return em.createQuery("SELECT c FROM Channel c WHERE c.type = :kind ORDER BY c.id", Channel.class)
                .setParameter("kind", MessengerConnector.KIND).getResultList();
    }

    private Channel messengerChannel(long channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFoundException("No channel " + channelId);
        }
        if (!MessengerConnector.KIND.equals(channel.getType())) {
            throw new IllegalStateException("Channel " + channel.getName() + " is not a Messenger channel");
        }
        return channel;
    }

    private static MessengerView view(Channel channel, MessengerSettings s) {
        String webhook = SwitchboardSettings.current().baseUrl().toString().replaceAll("/$", "") + "/api/v1/inbound/messenger";
        return s == null ? new MessengerView(channel.getId(), null, null, null, false, false, null, webhook, null, null, MessengerSettings.NO_CONSENT, null)
                : new MessengerView(channel.getId(), s.appId(), s.pageId(), s.pageName(), s.pageId() != null && s.sealedPageToken() != null,
                s.tokenInvalidSince() != null, s.verifyToken(), webhook, s.greeting(), s.instantReply(), s.consent(), s.consentText());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
