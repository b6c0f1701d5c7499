package org.switchboard.channels.messenger.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Meta's Messenger reply windows, from the person's last message: within 24 hours any reply goes as
 * {@code messaging_type: RESPONSE}; from 24 hours to 7 days only a reply a person wrote, tagged
 * {@code HUMAN_AGENT} — never an instant reply, a bot or another automation (Meta's policy; tagging
 * those fails app review); after 7 days nothing goes until the person writes again.
 */
public record MessengerWindow(Kind kind, Duration left) {

    public static final Duration STANDARD = Duration.ofHours(24);
    public static final Duration HUMAN_AGENT = Duration.ofDays(7);

    public enum Kind {
        /** Within 24 hours: RESPONSE. */
        STANDARD,
        /** 24 hours to 7 days: a person's reply with the HUMAN_AGENT tag. */
        HUMAN_AGENT,
        /** After 7 days, or the person never wrote. */
        CLOSED
    }

    public static MessengerWindow at(Instant lastFromPerson, Instant now) {
        if (lastFromPerson == null) {
            return new MessengerWindow(Kind.CLOSED, Duration.ZERO);
        }
        Duration age = Duration.between(lastFromPerson, now);
        if (age.compareTo(STANDARD) < 0) {
            return new MessengerWindow(Kind.STANDARD, STANDARD.minus(age));
        }
        if (age.compareTo(HUMAN_AGENT) < 0) {
            return new MessengerWindow(Kind.HUMAN_AGENT, HUMAN_AGENT.minus(age));
        }
        return new MessengerWindow(Kind.CLOSED, Duration.ZERO);
    }

    /** Whether this message may go now: automation only within the standard window. */
    public boolean allows(boolean automatic) {
        return kind == Kind.STANDARD || (kind == Kind.HUMAN_AGENT && !automatic);
    }
}
