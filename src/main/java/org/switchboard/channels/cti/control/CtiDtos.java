package org.switchboard.channels.cti.control;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.platform.validation.OneLine;

/** The CTI channel API's shapes. The token goes out only inside the webhook URL, to admins. */
public final class CtiDtos {

    private CtiDtos() {
    }

    /** Null fields keep their value. Numbers may be written as people write them; they are kept in E.164. */
    public record CtiRequest(@Pattern(regexp = "[A-Za-z]{2}", message = "two letters, e.g. FI or DE") String country,
                             @Size(max = 50) List<@Size(max = 100) @OneLine String> voicemailNumbers,
                             @Size(max = 500) List<@Size(max = 100) @OneLine String> blockedNumbers,
                             @Size(max = 40) @OneLine String outboundCallerId,
                             @Min(1) @Max(1440) Integer giveUpMinutes) {
    }

    public record CtiView(long channelId, String webhookUrl, String country, List<String> voicemailNumbers, List<String> blockedNumbers,
                         String outboundCallerId, int giveUpMinutes) {
    }
}
