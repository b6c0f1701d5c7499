package org.switchboard.channels.whatsapp.control;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.platform.validation.OneLine;

/** The WhatsApp channel API's shapes. Secrets go in, never out: the view says only whether they are set. */
public final class WhatsAppDtos {

    private WhatsAppDtos() {
    }

    /** Null fields keep their value; the access token and app secret are required the first time. */
    public record WhatsAppRequest(@Pattern(regexp = "\\d{1,30}", message = "digits, as Meta shows the id") String businessAccountId,
                                  @Pattern(regexp = "\\d{1,30}", message = "digits, as Meta shows the id") String phoneNumberId,
                                  @Size(max = 30) @OneLine String displayPhoneNumber,
                                  @Size(max = 1000) @OneLine String accessToken,
                                  @Size(max = 200) @OneLine String appSecret,
                                  @Size(min = 8, max = 100) @OneLine String verifyToken) {
    }

    public record WhatsAppView(long channelId, String businessAccountId, String phoneNumberId, String displayPhoneNumber,
                               boolean accessTokenSet, boolean appSecretSet, String verifyToken, boolean reconnectNeeded, String webhookUrl,
                               java.util.List<WhatsAppSettings.Template> templates, String templatesSyncedAt) {
    }
}
