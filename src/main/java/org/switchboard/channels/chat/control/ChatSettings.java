package org.switchboard.channels.chat.control;

import java.util.List;

/**
 * A chat channel's settings (JSON in {@code channels.type_settings}). The identity secret is sealed;
 * the widget never sees it: host sites use it server-side to sign their users' ids.
 *
 * @param position        RIGHT or LEFT: the corner the launcher sits in
 * @param consent         NONE, EXPLICIT (the visitor accepts before sending) or IMPLICIT (shown; starting the chat accepts)
 * @param timeZone        the zone the opening hours are in (e.g. Europe/Helsinki)
 * @param hours           opening hours per weekday; none means always open
 * @param replyChannelId  the team email channel that answers visitors who wrote while the team was away
 */
public record ChatSettings(String teamName, String accentColour, String font, String avatarUrl, String position,
                           String greetingEn, String greetingFi, String sealedIdentitySecret, boolean requireVerifiedIdentity,
                           String consent, String consentTextEn, String consentTextFi,
                           String timeZone, List<OpeningHours> hours, Long replyChannelId) {

    public static final String DEFAULT_ACCENT = "#1f6feb";

    public ChatSettings {
        hours = hours == null ? List.of() : List.copyOf(hours);
        timeZone = timeZone == null ? "UTC" : timeZone;
    }

    public static ChatSettings defaults(String teamName) {
        return new ChatSettings(teamName, DEFAULT_ACCENT, "system-ui", null, "RIGHT",
                "Hi! How can we help?", "Hei! Miten voimme auttaa?", null, false, "NONE", null, null, "UTC", List.of(), null);
    }

    public ChatSettings withIdentitySecret(String sealed) {
        return new ChatSettings(teamName, accentColour, font, avatarUrl, position, greetingEn, greetingFi, sealed,
                requireVerifiedIdentity, consent, consentTextEn, consentTextFi, timeZone, hours, replyChannelId);
    }

    public String greeting(String language) {
        return "fi".equals(language) && greetingFi != null ? greetingFi : greetingEn;
    }

    public String consentText(String language) {
        return "fi".equals(language) && consentTextFi != null ? consentTextFi : consentTextEn;
    }

    /** One weekday's opening: {@code day} MONDAY … SUNDAY, {@code opens} and {@code closes} as HH:MM, closes after opens. */
    public record OpeningHours(String day, String opens, String closes) {
    }
}
