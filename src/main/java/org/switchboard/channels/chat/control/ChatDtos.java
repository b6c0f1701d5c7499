package org.switchboard.channels.chat.control;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.platform.validation.OneLine;

/** What admins send and see about a chat channel. */
public final class ChatDtos {

    private ChatDtos() {
    }

    /** Appearance, identity and consent; null fields keep their stored value. */
    public record ChatRequest(@Size(max = 60) @OneLine String teamName,
                              @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1f6feb") String accentColour,
                              @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9 ,'\"-]*", message = "must be a font family name") String font,
                              @Size(max = 500) @OneLine @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) address") String avatarUrl,
                              @Pattern(regexp = "RIGHT|LEFT", message = "must be RIGHT or LEFT") String position,
                              @Size(max = 500) String greetingEn, @Size(max = 500) String greetingFi,
                              Boolean requireVerifiedIdentity,
                              @Pattern(regexp = "NONE|EXPLICIT|IMPLICIT", message = "must be NONE, EXPLICIT or IMPLICIT") String consent,
                              @Size(max = 2000) String consentTextEn, @Size(max = 2000) String consentTextFi,
                              @Size(max = 60) @OneLine String timeZone, @Size(max = 21) List<ChatSettings.OpeningHours> hours,
                              Long replyChannelId) {
    }

    /** The channel's chat settings; {@code identitySecret} only right after it was made (shown once). */
    public record ChatView(long channelId, String channelKey, String teamName, String accentColour, String textColour,
                           double contrast, String font, String avatarUrl, String position, String greetingEn, String greetingFi,
                           boolean identitySecretSet, boolean requireVerifiedIdentity, String consent, String consentTextEn,
                           String consentTextFi, String timeZone, List<ChatSettings.OpeningHours> hours, Long replyChannelId,
                           String embedSnippet, String identitySecret) {
    }
}
