package org.switchboard.channels.chat.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.switchboard.channels.chat.control.ChatDtos.ChatRequest;
import org.switchboard.channels.chat.control.ChatDtos.ChatView;
import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.connector.TypedSettings;
import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.crypto.SecretBox;

/** A chat channel's appearance, identity secret and consent; each method one transaction. */
@ApplicationScoped
@Transactional
public class ChatChannelService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    ChannelConnectors connectors;

    @Inject
    ChatFlows flows;

    @Inject
    org.switchboard.channels.control.ChannelService channels;

    public Optional<ChatView> get(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !ChatConnector.KIND.equals(channel.getType())) {
            return Optional.empty();
        }
        return Optional.of(view(channel, settingsOf(channel), null));
    }

    /** Saves what is given ({@code replyChannelId} 0 clears it). Requiring verified identity makes the identity secret first if there is none (shown once). */
    public ChatView save(long channelId, ChatRequest request) {
        Channel channel = chatChannel(channelId);
        ChatSettings s = settingsOf(channel);
        String consent = or(request.consent(), s.consent());
        String consentEn = or(blankToNull(request.consentTextEn()), s.consentTextEn());
        if (!"NONE".equals(consent) && consentEn == null) {
            throw new IllegalArgumentException("consentTextEn: write the consent text the visitor sees");
        }
        ChatSettings updated = new ChatSettings(or(blankToNull(request.teamName()), s.teamName()), or(request.accentColour(), s.accentColour()),
                or(blankToNull(request.font()), s.font()), request.avatarUrl() == null ? s.avatarUrl() : blankToNull(request.avatarUrl()),
                or(request.position(), s.position()), or(blankToNull(request.greetingEn()), s.greetingEn()),
                or(blankToNull(request.greetingFi()), s.greetingFi()), s.sealedIdentitySecret(),
                request.requireVerifiedIdentity() == null ? s.requireVerifiedIdentity() : request.requireVerifiedIdentity(),
                consent, consentEn, or(blankToNull(request.consentTextFi()), s.consentTextFi()),
                or(blankToNull(request.timeZone()), s.timeZone()), request.hours() == null ? s.hours() : request.hours(),
                request.replyChannelId() == null ? s.replyChannelId() : request.replyChannelId() == 0 ? null : request.replyChannelId());
        ChatHours.check(updated.hours(), updated.timeZone());
        if (updated.replyChannelId() != null) {
            Channel replies = em.find(Channel.class, updated.replyChannelId());
            if (replies == null || !connectors.sendsEmail(replies.getType(), replies.getId())) {
                throw new IllegalArgumentException("replyChannelId: name a team email channel to answer visitors who wrote while you were away");
            }
        }
        String newSecret = null;
        if (updated.requireVerifiedIdentity() && updated.sealedIdentitySecret() == null) {
            newSecret = newSecret();
            updated = updated.withIdentitySecret(secrets.seal(newSecret));
        }
        channel.changeTypeSettings(TypedSettings.write(updated));
        return view(channel, updated, newSecret);
    }

    /** The channels that can answer away visitors by email (team email). */
    public java.util.List<org.switchboard.channels.control.ChannelDtos.ChannelView> replyChannels() {
        return channels.sendingEmail();
    }

    /** A new identity secret, shown once; host sites must sign with it from now on (the old one stops at once). */
    public ChatView rotateIdentitySecret(long channelId) {
        Channel channel = chatChannel(channelId);
        String secret = newSecret();
        ChatSettings updated = settingsOf(channel).withIdentitySecret(secrets.seal(secret));
        channel.changeTypeSettings(TypedSettings.write(updated));
        return view(channel, updated, secret);
    }

    /** The channel's bot flow; empty when it is live chat only. */
    public Optional<ChatFlow> bot(long channelId) {
        chatChannel(channelId);
        return flows.of(channelId);
    }

    /** Gives the channel this bot flow (replacing any), checked first: an error names the step and part that cannot work. */
    public ChatFlow saveBot(long channelId, ChatFlow flow) {
        chatChannel(channelId); // locked: one admin's save at a time
        return flows.save(channelId, flow);
    }

    /** The channel becomes live chat only; returns whether it had a bot. */
    public boolean removeBot(long channelId) {
        chatChannel(channelId);
        return flows.remove(channelId);
    }

    /** The stored settings, or the defaults for a channel that has none yet. */
    static ChatSettings settingsOf(Channel channel) {
        ChatSettings stored = TypedSettings.read(channel.getTypeSettings(), ChatSettings.class);
        return stored != null ? stored : ChatSettings.defaults(channel.getName());
    }

    /** The identity secret opened, or null when the channel has none. */
    String identitySecret(ChatSettings settings) {
        return settings.sealedIdentitySecret() == null ? null : secrets.open(settings.sealedIdentitySecret());
    }

    private Channel chatChannel(long channelId) {
        Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFoundException("No channel " + channelId);
        }
        if (!ChatConnector.KIND.equals(channel.getType())) {
            throw new IllegalStateException("Channel " + channel.getName() + " is not a chat channel");
        }
        return channel;
    }

    static String embedSnippet(String channelKey) {
        String base = SwitchboardSettings.current().baseUrl().toString().replaceAll("/$", "");
        return "<script src=\"" + base + "/widget/v1.js\" data-channel=\"" + channelKey + "\" async></script>";
    }

    private static ChatView view(Channel channel, ChatSettings s, String newSecret) {
        return new ChatView(channel.getId(), channel.getPublicKey(), s.teamName(), s.accentColour(), AccentColour.textOn(s.accentColour()),
                Math.round(AccentColour.bestContrast(s.accentColour()) * 10) / 10.0, s.font(), s.avatarUrl(), s.position(),
                s.greetingEn(), s.greetingFi(), s.sealedIdentitySecret() != null, s.requireVerifiedIdentity(), s.consent(),
                s.consentTextEn(), s.consentTextFi(), s.timeZone(), s.hours(), s.replyChannelId(), embedSnippet(channel.getPublicKey()), newSecret);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sbid_" + HexFormat.of().formatHex(bytes);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
