package org.switchboard.conversations.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What is known about a call, and how each reported event changes it — pure, so the rules are tested
 * without a database. Phone systems send events twice, late and out of order (a hangup before the
 * answer); the rules make the outcome the same whatever the order:
 * <ul>
 * <li>times only move to the earliest report (a repeated event changes nothing);</li>
 * <li>an end is final: a later or repeated end does not overwrite it, and nothing reopens the call —
 *     except that a real end replaces the one Switchboard assumed when none came in time;</li>
 * <li>an answer delivered after the end still counts (the call was answered, not missed) — it
 *     happened before the end, and no talk time is made up for it;</li>
 * <li>the state is derived from these facts, never stored as a step of its own.</li>
 * </ul>
 */
public record CallProgress(Instant startedAt, Instant answeredAt, Instant endedAt, String endCause, boolean endedByTimeout,
                           boolean voicemail) {

    /** End causes that mean the call never reached anyone (the network or the number failed), not that nobody picked up. */
    private static final Set<String> FAILURES = Set.of("congestion", "notFound", "failed", "rejected");

    /** The cause recorded when no end was reported in time. */
    public static final String NO_HANGUP = "noHangupReceived";

    public static CallProgress startedAt(Instant at) {
        return new CallProgress(at, null, null, null, false, false);
    }

    public CallState state() {
        if (endedAt == null) {
            return answeredAt != null ? CallState.IN_PROGRESS : CallState.RINGING;
        }
        if (voicemail) {
            return CallState.VOICEMAIL;
        }
        if (answeredAt != null) {
            return CallState.ANSWERED;
        }
        return endCause != null && FAILURES.contains(endCause) ? CallState.FAILED : CallState.MISSED;
    }

    /** The phone system says the call started ringing at {@code at}. */
    public CallProgress ringing(Instant at) {
        return new CallProgress(earliest(startedAt, at), answeredAt, endedAt, endCause, endedByTimeout, voicemail);
    }

    /** Answered at {@code at} — by a voicemail box when {@code byVoicemail}. */
    public CallProgress answered(Instant at, boolean byVoicemail) {
        // Reported after the end: it was delivered late (phone systems retry), so it happened before the end — when
        // exactly is unknown, so no talk time is made up. The call stays ended.
        Instant when = endedAt != null && !endedByTimeout && at.isAfter(endedAt) ? endedAt : at;
        return new CallProgress(earliest(startedAt, when), earliest(answeredAt, when), endedAt, endCause, endedByTimeout, voicemail || byVoicemail);
    }

    /** The call ended at {@code at} for {@code cause} (the provider's word: normalClearing, busy, cancel, noAnswer, …). */
    public CallProgress ended(Instant at, String cause) {
        if (endedAt != null && !endedByTimeout) {
            return this;
        }
        Instant end = at.isBefore(startedAt) ? startedAt : at;
        return new CallProgress(startedAt, answeredAt, end, cause, false, voicemail);
    }

    /** No end came in time: ended now as "no hangup received" (a real end arriving later replaces it). */
    public CallProgress gaveUp(Instant now) {
        if (endedAt != null) {
            return this;
        }
        return new CallProgress(startedAt, answeredAt, now, NO_HANGUP, true, voicemail);
    }

    /** A voicemail was recorded: the caller left a message. */
    public CallProgress voicemailLeft() {
        return new CallProgress(startedAt, answeredAt, endedAt, endCause, endedByTimeout, true);
    }

    /** How long the parties talked (answer to end); null while live or when never answered. */
    public Duration talked() {
        return answeredAt == null || endedAt == null ? null : Duration.between(answeredAt, endedAt);
    }

    private static Instant earliest(Instant known, Instant reported) {
        return known == null || reported.isBefore(known) ? reported : known;
    }
}
