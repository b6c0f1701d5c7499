package org.switchboard.channels.custom.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.channels.connector.ContactIdentity;

/** What the custom channel API takes and returns. The signing secret goes out once, when it is made. */
public final class CustomDtos {

    private CustomDtos() {
    }

    /** Connects or edits a custom channel's outbound side. */
    public record CustomRequest(@NotBlank @Size(max = 2000) @Pattern(regexp = "(?i)https?://[^\\s]+", message = "must be an http:// or https:// URL") String webhookUrl,
                                Boolean text, Boolean html, Boolean attachments, ContactIdentity identity) {
    }

    /** {@code signingSecret} is set only in the answer that made it; afterwards only {@code hasSigningSecret}. */
    public record CustomView(long channelId, String channelKey, String webhookUrl, boolean text, boolean html, boolean attachments,
                             ContactIdentity identity, boolean hasSigningSecret, String secretIssuedAt, String signingSecret,
                             String inboundEndpoint, String statusEndpoint) {
    }

    public record SecretView(String signingSecret, String issuedAt) {
    }
}
