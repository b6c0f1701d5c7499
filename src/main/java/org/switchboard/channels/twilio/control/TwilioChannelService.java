package org.switchboard.channels.twilio.control;

import java.time.Duration;
import java.util.Locale;
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

import org.switchboard.calls.control.PhoneNumbers;
import org.switchboard.channels.connector.TypedSettings;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.twilio.control.TwilioDtos.TwilioRequest;
import org.switchboard.channels.twilio.control.TwilioDtos.TwilioView;
import org.switchboard.platform.cache.RecentLookups;
import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.crypto.SecretBox;

/** A Twilio voice channel's account, number and voicemail settings; each method one transaction. */
@ApplicationScoped
@Transactional
public class TwilioChannelService {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Every Twilio request asks which channel its URL names: kept two seconds, cleared on this instance when a channel changes. */
    private final RecentLookups<String, Receiver> receivers = new RecentLookups<>(Duration.ofSeconds(2), 1000);

    /** Where a request to a channel's URLs goes: the channel, its settings and the auth token that checks Twilio's signature. */
    public record Receiver(long channelId, String key, String name, boolean enabled, TwilioSettings settings, String authToken) {
    }

    public Optional<TwilioView> get(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !TwilioConnector.KIND.equals(channel.getType())) {
            return Optional.empty();
        }
        return Optional.of(view(channel, settingsOf(channel)));
    }

    public TwilioView save(long channelId, TwilioRequest request) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFoundException("No channel " + channelId);
        }
        if (!TwilioConnector.KIND.equals(channel.getType())) {
            throw new IllegalStateException("Channel " + channel.getName() + " is not a Twilio channel");
        }
        TwilioSettings stored = settingsOf(channel);
        String accountSid = or(request.accountSid(), stored == null ? null : stored.accountSid());
        String country = request.country() != null ? request.country().toUpperCase(Locale.ROOT) : stored == null ? null : stored.country();
        if (accountSid == null) {
            throw new IllegalArgumentException("accountSid: the Account SID from Twilio's console (AC…)");
        }
        if (country == null || !PhoneNumbers.knownCountry(country)) {
            throw new IllegalArgumentException("country: the default country for numbers written without a country code, e.g. FI");
        }
        String number = request.phoneNumber() != null ? PhoneNumbers.e164(request.phoneNumber(), country)
                .orElseThrow(() -> new IllegalArgumentException("phoneNumber: '" + request.phoneNumber().strip() + "' is not a phone number"))
                : stored == null ? null : stored.phoneNumber();
        if (number == null) {
            throw new IllegalArgumentException("phoneNumber: the Twilio number calls come in on");
        }
        String sealedToken = request.authToken() == null || request.authToken().isBlank() ? (stored == null ? null : stored.sealedAuthToken())
                : secrets.seal(request.authToken().strip());
        if (sealedToken == null) {
            throw new IllegalArgumentException("authToken: the account's Auth Token from Twilio's console (it checks Twilio's signatures)");
        }
        TwilioSettings updated = new TwilioSettings(accountSid, sealedToken, number, country,
                request.greeting() != null ? request.greeting().strip() : stored == null ? null : stored.greeting(),
                request.language() != null ? request.language() : stored == null ? null : stored.language(),
                request.ringSeconds() != null ? request.ringSeconds() : stored == null ? null : stored.ringSeconds(),
                request.voicemailSeconds() != null ? request.voicemailSeconds() : stored == null ? null : stored.voicemailSeconds(),
                request.giveUpMinutes() != null ? request.giveUpMinutes() : stored == null ? null : stored.giveUpMinutes());
        channel.changeTypeSettings(TypedSettings.write(updated));
        receivers.clearWhenDone(transaction);
        return view(channel, updated);
    }

    /** The channel whose public key is in the URL Twilio requested; empty for a key no Twilio channel has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Receiver> receiver(String channelKey) {
        if (channelKey == null || channelKey.length() > 100) {
            return Optional.empty();
        }
        return receivers.get(channelKey, this::findReceiver);
    }

    private Optional<Receiver> findReceiver(String key) {
        return em.createNamedQuery("Channel.byPublicKey", Channel.class).setParameter("key", key).getResultStream()
                .filter(c -> TwilioConnector.KIND.equals(c.getType())).findFirst()
                .flatMap(c -> {
                    TwilioSettings settings = settingsOf(c);
                    return settings == null || settings.sealedAuthToken() == null ? Optional.empty()
                            : Optional.of(new Receiver(c.getId(), c.getPublicKey(), c.getName(), c.isEnabled(), settings, secrets.open(settings.sealedAuthToken())));
                });
    }

    /** The channel's settings with its auth token opened (for Twilio's REST API). */
    public Optional<Receiver> account(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        return channel == null ? Optional.empty() : receiver(channel.getPublicKey());
    }

    static TwilioSettings settingsOf(Channel channel) {
        return TypedSettings.read(channel.getTypeSettings(), TwilioSettings.class);
    }

    /** The URL of one of the channel's hooks, as Twilio is told it and signs it. */
    public static String hookUrl(String channelKey, String hook) {
        return SwitchboardSettings.current().baseUrl().toString().replaceAll("/$", "") + "/webhooks/twilio/" + channelKey + "/" + hook;
    }

    private TwilioView view(Channel channel, TwilioSettings s) {
        String voice = hookUrl(channel.getPublicKey(), "voice");
        String status = hookUrl(channel.getPublicKey(), "status");
        if (s == null) {
            return new TwilioView(channel.getId(), null, false, null, null, TwilioSettings.DEFAULT_GREETING, "en-US", 20, 120, 120, voice, status);
        }
        return new TwilioView(channel.getId(), s.accountSid(), s.sealedAuthToken() != null, s.phoneNumber(), s.country(), s.greetingText(),
                s.greetingLanguage(), s.ringing(), s.voicemailLength(), (int) s.giveUpAfter().toMinutes(), voice, status);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
