package org.switchboard.channels.messenger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Meta's Messenger windows: 24 hours for anything, then 7 days for a person's reply only, then nothing. */
class MessengerWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void withinADayEverythingMayGoAsAResponse() {
        MessengerWindow window = MessengerWindow.at(NOW.minus(Duration.ofHours(3)), NOW);
        assertEquals(MessengerWindow.Kind.STANDARD, window.kind());
        assertEquals(Duration.ofHours(21), window.left());
        assertTrue(window.allows(true) && window.allows(false));
    }

    @Test
    void fromADayToAWeekOnlyAPersonsReplyMayGoTaggedHumanAgent() {
        MessengerWindow window = MessengerWindow.at(NOW.minus(Duration.ofHours(30)), NOW);
        assertEquals(MessengerWindow.Kind.HUMAN_AGENT, window.kind());
        assertEquals(Duration.ofDays(7).minusHours(30), window.left());
        assertTrue(window.allows(false));
        assertFalse(window.allows(true), "never an instant reply, bot or other automation");
    }

    @Test
    void afterAWeekOrBeforeThePersonWroteNothingMayGo() {
        assertFalse(MessengerWindow.at(NOW.minus(Duration.ofDays(7)), NOW).allows(false));
        assertEquals(MessengerWindow.Kind.CLOSED, MessengerWindow.at(null, NOW).kind());
    }

    @Test
    void agreeingIsTheQuickReplyOrTheWordsInEitherLanguage() {
        assertTrue(MessengerIntake.agrees(MessengerIntake.AGREE));
        assertTrue(MessengerIntake.agrees(" I agree "));
        assertTrue(MessengerIntake.agrees("hyväksyn"));
        assertFalse(MessengerIntake.agrees("I do not agree"));
        assertTrue(MessengerIntake.AGREE.length() <= 20, "Meta's quick reply titles are at most 20 characters");
    }
}
