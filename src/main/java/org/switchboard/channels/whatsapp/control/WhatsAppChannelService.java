package org.switchboard.channels.whatsapp.control;

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
import org.switchboard.channels.whatsapp.control.WhatsAppDtos.WhatsAppRequest;
import org.switchboard.channels.whatsapp.control.WhatsAppDtos.WhatsAppView;
import org.switchboard.outbound.control.OutboundQueue;
import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.cache.RecentLookups;
import org.switchboard.platform.crypto.SecretBox;

/** A WhatsApp channel's connection to Meta: ids, sealed token and app secret, verify token; each method one transaction. */
@ApplicationScoped
@Transactional
public class WhatsAppChannelService {

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

    /** Where a webhook for a phone number goes: the channel and the app secret its signature is checked with. */
    public record Receiver(long channelId, String appSecret, boolean enabled) {
    }

    /** What a send needs: the phone number id and the access token, opened. */
    public record Outbound(String phoneNumberId, String accessToken) {
    }

    public Optional<WhatsAppView> get(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !WhatsAppConnector.KIND.equals(channel.getType())) {
            return Optional.empty();
        }
        return Optional.of(view(channel, settingsOf(channel)));
    }

    /** Saves what is given; one phone number belongs to one channel; a new access token clears "reconnect needed". */
    public WhatsAppView connect(long channelId, WhatsAppRequest request) {
        Channel channel = whatsAppChannel(channelId);
        WhatsAppSettings stored = settingsOf(channel);
        String phoneNumberId = or(request.phoneNumberId(), stored == null ? null : stored.phoneNumberId());
        String businessAccountId = or(request.businessAccountId(), stored == null ? null : stored.businessAccountId());
        if (phoneNumberId == null) {
            throw new IllegalArgumentException("phoneNumberId: the phone number id from WhatsApp Manager → API setup");
        }
        if (businessAccountId == null) {
            throw new IllegalArgumentException("businessAccountId: the WhatsApp Business account id from WhatsApp Manager → API setup");
        }
        for (Channel other : whatsAppChannels()) {
            WhatsAppSettings theirs = settingsOf(other);
            if (other.getId() != channelId && theirs != null && phoneNumberId.equals(theirs.phoneNumberId())) {
                throw new IllegalArgumentException("phoneNumberId: this number is connected to the channel " + other.getName() + " already");
            }
        }
        String sealedToken = blank(request.accessToken()) ? (stored == null ? null : stored.sealedAccessToken()) : secrets.seal(request.accessToken().strip());
        String sealedSecret = blank(request.appSecret()) ? (stored == null ? null : stored.sealedAppSecret()) : secrets.seal(request.appSecret().strip());
        if (sealedToken == null) {
            throw new IllegalArgumentException("accessToken: a system user's access token with whatsapp_business_messaging permission");
        }
        if (sealedSecret == null) {
            throw new IllegalArgumentException("appSecret: the app secret from the Meta app's basic settings (webhook signatures are checked with it)");
        }
        String verifyToken = or(request.verifyToken(), stored == null || stored.verifyToken() == null ? MetaWebhooks.newVerifyToken("sbwa_") : stored.verifyToken());
        String invalidSince = blank(request.accessToken()) && stored != null ? stored.tokenInvalidSince() : null;
        WhatsAppSettings updated = new WhatsAppSettings(businessAccountId, phoneNumberId,
                or(request.displayPhoneNumber(), stored == null ? null : stored.displayPhoneNumber()), sealedToken, sealedSecret, verifyToken, invalidSince,
                stored == null ? null : stored.templates(), stored == null ? null : stored.templatesSyncedAt());
        channel.changeTypeSettings(TypedSettings.write(updated));
        receivers.clearWhenDone(transaction);
        if (!blank(request.accessToken())) {
            outbound.resume(channelId); // replies that waited for a working token go now
        }
        return view(channel, updated);
    }

    /** The channel a webhook for this phone number id belongs to; empty for a number no channel has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Receiver> receiver(String phoneNumberId) {
        return receivers.get(phoneNumberId, this::findReceiver);
    }

    private Optional<Receiver> findReceiver(String phoneNumberId) {
        for (Channel channel : whatsAppChannels()) {
            WhatsAppSettings settings = settingsOf(channel);
            if (settings != null && phoneNumberId.equals(settings.phoneNumberId()) && settings.sealedAppSecret() != null) {
                return Optional.of(new Receiver(channel.getId(), secrets.open(settings.sealedAppSecret()), channel.isEnabled()));
            }
        }
        return Optional.empty();
    }

    /** Meta's handshake: whether any WhatsApp channel has this verify token (compared in constant time). */
    public boolean verifyTokenKnown(String token) {
        return MetaWebhooks.tokenAmong(whatsAppChannels().stream().map(WhatsAppChannelService::settingsOf).filter(Objects::nonNull).map(WhatsAppSettings::verifyToken), token);
    }

    public Optional<Outbound> outbound(Channel channel) {
        WhatsAppSettings settings = settingsOf(channel);
        if (settings == null || settings.phoneNumberId() == null || settings.sealedAccessToken() == null) {
            return Optional.empty();
        }
        return Optional.of(new Outbound(settings.phoneNumberId(), secrets.open(settings.sealedAccessToken())));
    }

    /** Meta refused the access token: the channel shows "reconnect needed" until a new token is saved; replies wait. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void tokenRefused(long channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        WhatsAppSettings settings = channel == null ? null : settingsOf(channel);
        if (settings != null && settings.tokenInvalidSince() == null) {
            channel.changeTypeSettings(TypedSettings.write(settings.withTokenInvalidSince(Instant.now().toString())));
        }
    }

    /** What syncing templates needs: the account id and the token, opened. */
    public record Account(String businessAccountId, String accessToken) {
    }

    public Optional<Account> account(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        WhatsAppSettings settings = channel == null || !WhatsAppConnector.KIND.equals(channel.getType()) ? null : settingsOf(channel);
        if (settings == null || settings.businessAccountId() == null || settings.sealedAccessToken() == null) {
            return Optional.empty();
        }
        return Optional.of(new Account(settings.businessAccountId(), secrets.open(settings.sealedAccessToken())));
    }

    /** Keeps the account's approved templates as Meta listed them just now. */
    public WhatsAppView templatesSynced(long channelId, List<WhatsAppSettings.Template> approved) {
        Channel channel = whatsAppChannel(channelId);
        WhatsAppSettings settings = settingsOf(channel);
        WhatsAppSettings updated = settings.withTemplates(approved, Instant.now().toString());
        channel.changeTypeSettings(TypedSettings.write(updated));
        return view(channel, updated);
    }

    static WhatsAppSettings settingsOf(Channel channel) {
        return TypedSettings.read(channel.getTypeSettings(), WhatsAppSettings.class);
    }

    private List<Channel> whatsAppChannels() {
        return em.createQuery("SELECT c FROM Channel c WHERE c.type = :kind ORDER BY c.id", Channel.class)
                .setParameter("kind", WhatsAppConnector.KIND).getResultList();
    }

    private Channel whatsAppChannel(long channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFoundException("No channel " + channelId);
        }
        if (!WhatsAppConnector.KIND.equals(channel.getType())) {
            throw new IllegalStateException("Channel " + channel.getName() + " is not a WhatsApp channel");
        }
        return channel;
    }

    private static WhatsAppView view(Channel channel, WhatsAppSettings s) {
        String webhook = SwitchboardSettings.current().baseUrl().toString().replaceAll("/$", "") + "/api/v1/inbound/whatsapp";
        return s == null ? new WhatsAppView(channel.getId(), null, null, null, false, false, null, false, webhook, List.of(), null)
                : new WhatsAppView(channel.getId(), s.businessAccountId(), s.phoneNumberId(), s.displayPhoneNumber(), s.sealedAccessToken() != null,
                s.sealedAppSecret() != null, s.verifyToken(), s.tokenInvalidSince() != null, webhook, s.approvedTemplates(), s.templatesSyncedAt());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String or(String value, String fallback) {
        return blank(value) ? fallback : value.strip();
    }
}
