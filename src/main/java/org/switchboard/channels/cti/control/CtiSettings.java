package org.switchboard.channels.cti.control;

import java.time.Duration;
import java.util.List;

/**
 * A CTI channel's settings (JSON in {@code channels.type_settings}).
 *
 * @param tokenHash        SHA-256 (hex) of the webhook token, how an incoming call finds its channel
 * @param sealedToken      the token sealed, so admins can copy the webhook URL again
 * @param country          default country (ISO 3166 two letters) for numbers written without a country code
 * @param voicemailNumbers answering numbers (or names) that are the voicemail box: a call they answer is a voicemail
 * @param blockedNumbers   callers the phone system is told to reject (E.164)
 * @param outboundCallerId the caller id the phone system is told to show on outbound calls; null leaves its own
 * @param giveUpMinutes    a live call with no event for this long is closed as "no hangup received"
 */
public record CtiSettings(String tokenHash, String sealedToken, String country, List<String> voicemailNumbers, List<String> blockedNumbers,
                          String outboundCallerId, Integer giveUpMinutes) {

    public static final int DEFAULT_GIVE_UP_MINUTES = 120;

    public CtiSettings {
        voicemailNumbers = voicemailNumbers == null ? List.of() : List.copyOf(voicemailNumbers);
        blockedNumbers = blockedNumbers == null ? List.of() : List.copyOf(blockedNumbers);
    }

    public Duration giveUpAfter() {
        return Duration.ofMinutes(giveUpMinutes == null ? DEFAULT_GIVE_UP_MINUTES : giveUpMinutes);
    }
}
