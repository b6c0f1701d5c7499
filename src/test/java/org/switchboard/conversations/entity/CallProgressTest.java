package org.switchboard.conversations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Phone systems repeat events, send them late and out of order: the call comes out the same. */
class CallProgressTest {

    private static final Instant RING = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant ANSWER = RING.plusSeconds(8);
    private static final Instant HANGUP = ANSWER.plusSeconds(192);

    @Test
    void aCallInOrderRingsThenRunsThenIsAnsweredWithItsTalkTime() {
        CallProgress call = CallProgress.startedAt(RING);
        assertEquals(CallState.RINGING, call.state());
        call = call.answered(ANSWER, false);
        assertEquals(CallState.IN_PROGRESS, call.state());
        call = call.ended(HANGUP, "normalClearing");
        assertEquals(CallState.ANSWERED, call.state());
        assertEquals(Duration.ofSeconds(192), call.talked());
    }

    @Test
    void aHangupBeforeTheAnswerGivesTheSameCallAsInOrder() {
        CallProgress inOrder = CallProgress.startedAt(RING).answered(ANSWER, false).ended(HANGUP, "normalClearing");
        CallProgress hangupFirst = CallProgress.startedAt(HANGUP).ended(HANGUP, "normalClearing").answered(ANSWER, false).ringing(RING);
        assertEquals(CallState.MISSED, CallProgress.startedAt(HANGUP).ended(HANGUP, "normalClearing").state(), "until the answer arrives it looks missed");
        assertEquals(inOrder, hangupFirst);
    }

    @Test
    void repeatedEventsChangeNothing() {
        CallProgress once = CallProgress.startedAt(RING).answered(ANSWER, false).ended(HANGUP, "normalClearing");
        CallProgress twice = once.ringing(RING).answered(ANSWER, false).ended(HANGUP, "normalClearing").ringing(RING);
        assertEquals(once, twice);
    }

    @Test
    void aFinishedCallIsNeverReopenedOrOverwritten() {
        CallProgress ended = CallProgress.startedAt(RING).answered(ANSWER, false).ended(HANGUP, "normalClearing");
        CallProgress later = ended.ended(HANGUP.plusSeconds(60), "busy").answered(HANGUP.plusSeconds(90), false).ringing(HANGUP.plusSeconds(95));
        assertEquals(ended, later, "later ends, answers and rings change nothing");
    }

    @Test
    void anAnswerDeliveredAfterTheHangupCountsWithoutMakingUpTalkTime() {
        CallProgress missed = CallProgress.startedAt(RING).ended(HANGUP, "normalClearing");
        assertEquals(CallState.MISSED, missed.state());
        CallProgress answered = missed.answered(HANGUP.plusSeconds(2), false);
        assertEquals(CallState.ANSWERED, answered.state(), "it was answered: the report only came late");
        assertEquals(HANGUP, answered.endedAt(), "still ended, at the same moment");
        assertEquals(Duration.ZERO, answered.talked(), "when it was answered is unknown: no talk time is made up");
    }

    @Test
    void missedFailedAndVoicemailFollowFromTheFacts() {
        assertEquals(CallState.MISSED, CallProgress.startedAt(RING).ended(HANGUP, "noAnswer").state());
        assertEquals(CallState.MISSED, CallProgress.startedAt(RING).ended(HANGUP, "busy").state());
        assertEquals(CallState.FAILED, CallProgress.startedAt(RING).ended(HANGUP, "congestion").state());
        assertEquals(CallState.FAILED, CallProgress.startedAt(RING).ended(HANGUP, "notFound").state());
        assertEquals(CallState.VOICEMAIL, CallProgress.startedAt(RING).answered(ANSWER, true).ended(HANGUP, "normalClearing").state());
        assertTrue(CallState.VOICEMAIL.needsCallBack());
        assertTrue(CallState.MISSED.needsCallBack());
        assertFalse(CallState.ANSWERED.needsCallBack());
    }

    @Test
    void aCallWithNoHangupIsClosedByTimeAndARealHangupLaterSetsTheTrueEnd() {
        Instant giveUp = RING.plus(Duration.ofHours(2));
        CallProgress stuck = CallProgress.startedAt(RING).answered(ANSWER, false).gaveUp(giveUp);
        assertEquals(CallState.ANSWERED, stuck.state());
        assertTrue(stuck.endedByTimeout());
        assertEquals(CallProgress.NO_HANGUP, stuck.endCause());
        CallProgress real = stuck.ended(HANGUP, "normalClearing");
        assertFalse(real.endedByTimeout());
        assertEquals(HANGUP, real.endedAt());
        assertEquals(real, real.gaveUp(giveUp.plusSeconds(60)), "a real end is final");
        CallProgress neverAnswered = CallProgress.startedAt(RING).gaveUp(giveUp);
        assertEquals(CallState.MISSED, neverAnswered.state());
        assertNull(neverAnswered.talked());
    }

    @Test
    void anEndBeforeTheStartIsTakenAsTheStart() {
        CallProgress call = CallProgress.startedAt(RING).ended(RING.minusSeconds(5), "cancel");
        assertEquals(RING, call.endedAt());
    }
}
