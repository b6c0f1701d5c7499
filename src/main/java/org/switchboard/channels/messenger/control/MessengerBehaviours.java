package org.switchboard.channels.messenger.control;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.channels.messenger.control.MessengerDtos.MessengerBehaviour;
import org.switchboard.channels.messenger.control.MessengerDtos.MessengerView;

/**
 * Saving what a page says by itself: stored, and a changed greeting set on the page's Messenger
 * profile at Facebook. The stored greeting is what Facebook shows: when Facebook refuses, the old
 * one stays stored and the refusal is the answer.
 */
@ApplicationScoped
public class MessengerBehaviours {

    @Inject
    MessengerChannelService channels;

    @Inject
    MessengerPages facebook;

    public Optional<MessengerView> view(long channelId) {
        return channels.get(channelId);
    }

    public MessengerView save(long channelId, MessengerBehaviour behaviour) {
        MessengerSettings before = channels.settings(channelId).orElseThrow(() -> new IllegalStateException("Connect a Facebook page first"));
        String consent = behaviour.consentMode() == null ? before.consent() : behaviour.consentMode();
        String consentText = behaviour.consentText() == null ? before.consentText() : blankToNull(behaviour.consentText());
        if (!MessengerSettings.NO_CONSENT.equals(consent) && consentText == null) {
            throw new IllegalArgumentException("consentText: the words the person accepts, when consent is asked");
        }
        String greeting = behaviour.greeting() == null ? before.greeting() : blankToNull(behaviour.greeting());
        if (!Objects.equals(greeting, before.greeting())) {
            facebook.profile(channels.outbound(channelId).orElseThrow(() -> new IllegalStateException("Connect a Facebook page first")).pageToken(),
                    greeting);
        }
        channels.saveBehaviour(channelId, behaviour);
        return channels.get(channelId).orElseThrow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
