package org.switchboard.channels.custom.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.switchboard.channels.connector.TypedSettings;
import org.switchboard.channels.custom.control.CustomDtos.CustomRequest;
import org.switchboard.channels.custom.control.CustomDtos.CustomView;
import org.switchboard.channels.custom.control.CustomDtos.SecretView;
import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.crypto.SecretBox;

/** A custom channel's outbound settings and signing secret; each method one transaction. */
@ApplicationScoped
@Transactional
public class CustomChannelService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox secrets;

    public Optional<CustomView> get(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !CustomConnector.KIND.equals(channel.getType())) {
            return Optional.empty();
        }
        return Optional.of(view(channel, settingsOf(channel), null));
    }

    /** Saves the webhook and what the channel carries; the first save makes the signing secret and shows it, once. */
    public CustomView connect(long channelId, CustomRequest request) {
        Channel channel = customChannel(channelId);
        CustomSettings stored = settingsOf(channel);
        CustomSettings updated = new CustomSettings(request.webhookUrl().strip(), request.text() == null || request.text(),
                Boolean.TRUE.equals(request.html()), Boolean.TRUE.equals(request.attachments()), request.identity(),
                stored == null ? null : stored.sealedSigningSecret(), stored == null ? null : stored.secretIssuedAt());
        String newSecret = null;
        if (updated.sealedSigningSecret() == null) {
            newSecret = newSecret();
            updated = updated.withSecret(secrets.seal(newSecret), Instant.now().toString());
        }
        channel.changeTypeSettings(TypedSettings.write(updated));
        return view(channel, updated, newSecret);
    }

    /** A new signing secret; the old one stops at once (receivers verify with the new one from the next delivery on). */
    public SecretView rotateSecret(long channelId) {
        Channel channel = customChannel(channelId);
        CustomSettings stored = settingsOf(channel);
        if (stored == null) {
            throw new IllegalStateException("Set the channel's webhook URL first: PUT /api/v1/channels/" + channelId + "/custom");
        }
        String secret = newSecret();
        String issued = Instant.now().toString();
        channel.changeTypeSettings(TypedSettings.write(stored.withSecret(secrets.seal(secret), issued)));
        return new SecretView(secret, issued);
    }

    /** Settings and the opened secret, for the sender; empty when the channel has no webhook yet. */
    public Optional<Outbound> outbound(Channel channel) {
        CustomSettings settings = settingsOf(channel);
        if (settings == null || settings.webhookUrl() == null) {
            return Optional.empty();
        }
        return Optional.of(new Outbound(settings, secrets.open(settings.sealedSigningSecret())));
    }

    /** What sending needs: the settings, and the signing secret opened (never logged, never returned). */
    public record Outbound(CustomSettings settings, String signingSecret) {
        @Override
        public String toString() {
            return "Outbound[" + settings.webhookUrl() + "]";
        }
    }

    static CustomSettings settingsOf(Channel channel) {
        return TypedSettings.read(channel.getTypeSettings(), CustomSettings.class);
    }

    private Channel customChannel(long channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFoundException("No channel " + channelId);
        }
        if (!CustomConnector.KIND.equals(channel.getType())) {
            throw new IllegalStateException("Channel " + channel.getName() + " is not a custom channel");
        }
        return channel;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sbwh_" + HexFormat.of().formatHex(bytes);
    }

    private static CustomView view(Channel channel, CustomSettings settings, String newSecret) {
        String base = SwitchboardSettings.current().baseUrl().toString().replaceAll("/$", "");
        String inbound = base + "/api/v1/channels/" + channel.getPublicKey() + "/messages";
        String status = inbound + "/{messageId}/status";
        if (settings == null) {
            return new CustomView(channel.getId(), channel.getPublicKey(), null, true, false, false, null, false, null, null, inbound, status);
        }
        return new CustomView(channel.getId(), channel.getPublicKey(), settings.webhookUrl(), settings.text(), settings.html(),
                settings.attachments(), settings.contactIdentity(), settings.sealedSigningSecret() != null, settings.secretIssuedAt(),
                newSecret, inbound, status);
    }
}
