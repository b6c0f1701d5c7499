package org.switchboard.channels.cti.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
import org.switchboard.channels.cti.control.CtiDtos.CtiRequest;
import org.switchboard.channels.cti.control.CtiDtos.CtiView;
import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.cache.RecentLookups;
import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.crypto.SecretBox;

/** A CTI channel's settings and webhook token; each method one transaction. */
@ApplicationScoped
@Transactional
public class CtiChannelService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Every call event asks which channel its token belongs to: kept two seconds, cleared on this instance when a channel changes. */
    private final RecentLookups<String, Receiver> receivers = new RecentLookups<>(Duration.ofSeconds(2), 1000);

    /** Where an event with this token goes. */
    public record Receiver(long channelId, String name, boolean enabled, CtiSettings settings) {
    }

    public Optional<CtiView> get(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !CtiConnector.KIND.equals(channel.getType())) {
            return Optional.empty();
        }
        return Optional.of(view(channel, settingsOf(channel)));
    }

    /** Saves what is given (null keeps); the first save makes the webhook token. */
    public CtiView save(long channelId, CtiRequest request) {
        Channel channel = ctiChannel(channelId);
        CtiSettings stored = settingsOf(channel);
        String country = request.country() != null ? request.country().toUpperCase(Locale.ROOT) : stored == null ? null : stored.country();
        if (country != null && !PhoneNumbers.knownCountry(country)) {
            throw new IllegalArgumentException("country: " + country + " is not a country code the numbering plan knows");
        }
        List<String> voicemail = request.voicemailNumbers() != null ? cleaned(request.voicemailNumbers()) : stored == null ? List.of() : stored.voicemailNumbers();
        List<String> blocked = request.blockedNumbers() != null ? numbers(request.blockedNumbers(), country, "blockedNumbers") : stored == null ? List.of() : stored.blockedNumbers();
        String callerId = request.outboundCallerId() != null
                ? (request.outboundCallerId().isBlank() ? null : numbers(List.of(request.outboundCallerId()), country, "outboundCallerId").get(0))
                : stored == null ? null : stored.outboundCallerId();
        Integer giveUp = request.giveUpMinutes() != null ? request.giveUpMinutes() : stored == null ? null : stored.giveUpMinutes();
        if (giveUp != null && (giveUp < 1 || giveUp > 1440)) {
            throw new IllegalArgumentException("giveUpMinutes: between 1 and 1440 minutes (a day)");
        }
        String token = stored == null ? newToken() : null;
        CtiSettings updated = new CtiSettings(token != null ? hash(token) : stored.tokenHash(), token != null ? secrets.seal(token) : stored.sealedToken(),
                country, voicemail, blocked, callerId, giveUp);
        channel.changeTypeSettings(TypedSettings.write(updated));
        receivers.clearWhenDone(transaction);
        return view(channel, updated);
    }

    /** A new webhook token: the old URL stops working at once (the phone system must be given the new one). */
    public CtiView renewToken(long channelId) {
        Channel channel = ctiChannel(channelId);
        CtiSettings stored = settingsOf(channel);
        String token = newToken();
        CtiSettings updated = stored == null ? new CtiSettings(hash(token), secrets.seal(token), null, null, null, null, null)
                : new CtiSettings(hash(token), secrets.seal(token), stored.country(), stored.voicemailNumbers(), stored.blockedNumbers(),
                stored.outboundCallerId(), stored.giveUpMinutes());
        channel.changeTypeSettings(TypedSettings.write(updated));
        receivers.clearWhenDone(transaction);
        return view(channel, updated);
    }

    /** The channel whose token this is (compared as SHA-256 in constant time); empty for a token no channel has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Receiver> receiver(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return receivers.get(hash(token), this::findReceiver);
    }

    private Optional<Receiver> findReceiver(String tokenHash) {
        byte[] wanted = tokenHash.getBytes(StandardCharsets.US_ASCII);
        for (Channel channel : em.createQuery("SELECT c FROM Channel c WHERE c.type = :kind ORDER BY c.id", Channel.class)
                .setParameter("kind", CtiConnector.KIND).getResultList()) {
            CtiSettings settings = settingsOf(channel);
            if (settings != null && settings.tokenHash() != null
                    && MessageDigest.isEqual(wanted, settings.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(new Receiver(channel.getId(), channel.getName(), channel.isEnabled(), settings));
            }
        }
        return Optional.empty();
    }

    static CtiSettings settingsOf(Channel channel) {
        return TypedSettings.read(channel.getTypeSettings(), CtiSettings.class);
    }

    private Channel ctiChannel(long channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFoundException("No channel " + channelId);
        }
        if (!CtiConnector.KIND.equals(channel.getType())) {
            throw new IllegalStateException("Channel " + channel.getName() + " is not a phone system (CTI) channel");
        }
        return channel;
    }

    private CtiView view(Channel channel, CtiSettings s) {
        String url = s == null || s.sealedToken() == null ? null
                : SwitchboardSettings.current().baseUrl().toString().replaceAll("/$", "") + "/webhooks/calls/" + secrets.open(s.sealedToken());
        return s == null ? new CtiView(channel.getId(), null, null, List.of(), List.of(), null, CtiSettings.DEFAULT_GIVE_UP_MINUTES)
                : new CtiView(channel.getId(), url, s.country(), s.voicemailNumbers(), s.blockedNumbers(), s.outboundCallerId(),
                (int) s.giveUpAfter().toMinutes());
    }

    private static List<String> cleaned(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    /** Numbers as written, kept in E.164; one that cannot be read is refused with the field and its place. */
    private static List<String> numbers(List<String> written, String country, String field) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String value = written.get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            int index = i;
            out.add(PhoneNumbers.e164(value, country).orElseThrow(() -> new IllegalArgumentException(
                    field + (field.endsWith("s") ? "[" + index + "]" : "") + ": '" + value.strip() + "' is not a phone number"
                            + (country == null ? " (set the country for numbers written without a country code)" : ""))));
        }
        return out.stream().distinct().toList();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
