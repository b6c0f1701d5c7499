package org.switchboard.channels.twilio.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.platform.validation.OneLine;

/** The Twilio channel API's shapes. The auth token goes in, never out. */
public final class TwilioDtos {

    private TwilioDtos() {
    }

    /** Null fields keep their value; the account SID, auth token, number and country are required the first time. */
    public record TwilioRequest(@Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "AC followed by 32 hexadecimal digits") String accountSid,
                                @Size(max = 100) @OneLine String authToken,
                                @Size(max = 40) @OneLine String phoneNumber,
                                @Pattern(regexp = "[A-Za-z]{2}", message = "two letters, e.g. FI or DE") String country,
                                @Size(max = 1000) @OneLine String greeting,
                                @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "a language tag such as en-US or fi-FI") String language,
                                @Min(5) @Max(120) Integer ringSeconds,
                                @Min(10) @Max(600) Integer voicemailSeconds,
                                @Min(1) @Max(1440) Integer giveUpMinutes) {
    }

    /** The URLs to paste into Twilio's console for the number: "A call comes in" and "Call status changes". */
    public record TwilioView(long channelId, String accountSid, boolean authTokenSet, String phoneNumber, String country, String greeting,
                             String language, int ringSeconds, int voicemailSeconds, int giveUpMinutes, String voiceUrl, String statusUrl) {
    }
}
