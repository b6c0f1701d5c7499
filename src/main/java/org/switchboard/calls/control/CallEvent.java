package org.switchboard.calls.control;

import java.time.Instant;

import org.switchboard.conversations.entity.CallDirection;

/**
 * One event a phone system reported about a call, in Switchboard's words; each calling kind reads its
 * provider's format into these.
 *
 * @param callId         the provider's id of the call, the same on every event of it
 * @param step           what happened
 * @param customerNumber the contact's number in E.164, null when withheld
 * @param ourNumber      our number it came in on or went out from (E.164 when it could be read)
 * @param agent          who answered or placed it as the provider names them (user name, extension); null when unknown
 * @param cause          why it ended, the provider's word (normalClearing, busy, cancel, noAnswer, congestion, notFound, forwarded, …)
 * @param at             when it happened, by the provider's clock where it says, else when it arrived
 * @param byVoicemail    it was answered by a voicemail box, not a person
 * @param recordingUrl   for {@code RECORDED}: where the provider keeps the voicemail's recording
 * @param recordingSeconds for {@code RECORDED}: how long it is
 * @param ringing        for {@code RINGING}: the agents the phone system rings as it names them; an empty list when it
 *                       says later (another event), null when it never says — then the agents routing could choose are told
 */
public record CallEvent(String callId, Step step, CallDirection direction, String customerNumber, String ourNumber, String agent,
                        String cause, Instant at, boolean byVoicemail, String recordingUrl, Integer recordingSeconds, java.util.List<String> ringing) {

    public enum Step {
        RINGING, ANSWERED, ENDED,
        /** The caller left a voicemail; its recording waits at the provider. */
        RECORDED
    }

    public CallEvent(String callId, Step step, CallDirection direction, String customerNumber, String ourNumber, String agent,
                     String cause, Instant at, boolean byVoicemail) {
        this(callId, step, direction, customerNumber, ourNumber, agent, cause, at, byVoicemail, null, null, java.util.List.of());
    }

    public CallEvent(String callId, Step step, CallDirection direction, String customerNumber, String ourNumber, String agent,
                     String cause, Instant at, boolean byVoicemail, String recordingUrl, Integer recordingSeconds) {
        this(callId, step, direction, customerNumber, ourNumber, agent, cause, at, byVoicemail, recordingUrl, recordingSeconds, java.util.List.of());
    }

    /** The same event naming the agents the phone system rings (null: it does not say). */
    public CallEvent ringing(java.util.List<String> agents) {
        return new CallEvent(callId, step, direction, customerNumber, ourNumber, agent, cause, at, byVoicemail, recordingUrl, recordingSeconds, agents);
    }

    /** The id every event of this call shares: the call's message is kept under it. */
    public String messageKey() {
        return "call:" + callId;
    }
}
