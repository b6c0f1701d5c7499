package org.switchboard.channels.twilio.control;

import java.time.Duration;

/**
 * A Twilio voice channel's settings (JSON in {@code channels.type_settings}).
 *
 * @param accountSid       the Twilio account (AC…)
 * @param sealedAuthToken  the account's auth token, sealed: it signs Twilio's requests and authenticates ours
 * @param phoneNumber      the Twilio number, E.164 (calls come in on it; click-to-call shows it)
 * @param country          default country for numbers written without a country code
 * @param greeting         what the caller hears before leaving a voicemail
 * @param language         the greeting's language for Twilio's voice (en-US, fi-FI, …)
 * @param ringSeconds      how long an agent's phone rings before the call goes to voicemail
 * @param voicemailSeconds the longest voicemail
 * @param giveUpMinutes    a live call with no event for this long is closed as "no hangup received"
 */
public record TwilioSettings(String accountSid, String sealedAuthToken, String phoneNumber, String country, String greeting, String language,
                             Integer ringSeconds, Integer voicemailSeconds, Integer giveUpMinutes) {

    public static final String DEFAULT_GREETING = "Nobody can answer right now. Please leave a message after the tone, and we will call you back.";

    public int ringing() {
        return ringSeconds == null ? 20 : ringSeconds;
    }

    public int voicemailLength() {
        return voicemailSeconds == null ? 120 : voicemailSeconds;
    }

    public String greetingText() {
        return greeting == null || greeting.isBlank() ? DEFAULT_GREETING : greeting;
    }

    public String greetingLanguage() {
        return language == null || language.isBlank() ? "en-US" : language;
    }

    public Duration giveUpAfter() {
        return Duration.ofMinutes(giveUpMinutes == null ? 120 : giveUpMinutes);
    }
}
