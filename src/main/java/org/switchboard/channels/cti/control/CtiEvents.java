package org.switchboard.channels.cti.control;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.switchboard.calls.control.CallEvent;
import org.switchboard.calls.control.CallEvent.Step;
import org.switchboard.calls.control.PhoneNumbers;
import org.switchboard.conversations.entity.CallDirection;
import org.switchboard.inbound.control.InvalidPayloadException;

/**
 * Reads a CTI event's fields into a {@link CallEvent}: {@code event} (newCall, answer, hangup),
 * {@code callId}, {@code direction} (in, out), {@code from}, {@code to}, {@code user} (for newCall: who
 * calls out, or who it rings for; for answer: who answered), {@code answeringNumber}, {@code cause}.
 * The contact's number is {@code from} on an inbound call and {@code to} on an outbound one, read to
 * E.164 with the channel's country. Refusals name the field.
 */
public final class CtiEvents {

    private static final Map<String, Step> STEPS = Map.of("newCall", Step.RINGING, "answer", Step.ANSWERED, "hangup", Step.ENDED);

    /** Events a phone system may send that Switchboard does not act on: kept in the journal with the reason, never refused. */
    public static boolean known(String event) {
        return event != null && STEPS.containsKey(event);
    }

    private CtiEvents() {
    }

    /** The event name and call id, checked: what the journal key is made of. */
    public static String eventName(CtiFields fields) {
        String event = fields.first("event");
        if (event == null) {
            throw new InvalidPayloadException("event", "event: newCall, answer or hangup");
        }
        if (event.length() > 40 || !event.matches("[A-Za-z_-]+")) {
            throw new InvalidPayloadException("event", "event: '" + abbreviate(event) + "' is not an event name (newCall, answer, hangup)");
        }
        return event;
    }

    public static String callId(CtiFields fields) {
        String callId = fields.first("callId");
        if (callId == null) {
            throw new InvalidPayloadException("callId", "callId: the phone system's id of the call, the same on each of its events");
        }
        if (callId.length() > 250 || callId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidPayloadException("callId", "callId: at most 250 characters, no control characters");
        }
        return callId;
    }

    public static CallDirection direction(CtiFields fields, boolean required) {
        String direction = fields.first("direction");
        if (direction == null) {
            if (required) {
                throw new InvalidPayloadException("direction", "direction: in or out");
            }
            return CallDirection.INBOUND;
        }
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "in", "inbound" -> CallDirection.INBOUND;
            case "out", "outbound" -> CallDirection.OUTBOUND;
            default -> throw new InvalidPayloadException("direction", "direction: in or out, not '" + abbreviate(direction) + "'");
        };
    }

    /** The event as a {@link CallEvent}; the event must be {@link #known}. */
    public static CallEvent read(CtiFields fields, CtiSettings settings, Instant receivedAt) {
        String event = eventName(fields);
        Step step = STEPS.get(event);
        if (step == null) {
            throw new InvalidPayloadException("event", "Event '" + event + "' is not one Switchboard acts on (newCall, answer, hangup): kept in the journal");
        }
        String callId = callId(fields);
        CallDirection direction = direction(fields, step == Step.RINGING);
        String from = number(fields, "from", settings.country());
        String to = number(fields, "to", settings.country());
        String customer = direction == CallDirection.INBOUND ? from : to;
        String ours = direction == CallDirection.INBOUND ? to : from;
        String answering = fields.first("answeringNumber");
        List<String> users = fields.all("user");
        String agent = answering != null ? answering : users.isEmpty() ? null : users.get(0);
        boolean voicemail = step == Step.ANSWERED && isVoicemail(settings, answering, users);
        String cause = fields.first("cause");
        if (cause != null && (cause.length() > 40 || !cause.matches("[A-Za-z_-]+"))) {
            throw new InvalidPayloadException("cause", "cause: a word such as normalClearing, busy, cancel, noAnswer, congestion, notFound, forwarded");
        }
        if (step == Step.ENDED && cause == null) {
            cause = "normalClearing";
        }
        CallEvent read = new CallEvent(callId, step, direction, customer, ours, agent, cause, receivedAt, voicemail);
        // newCall names the agents whose phones ring (user[]); a phone system that does not leaves it to routing
        return step == Step.RINGING ? read.ringing(users.isEmpty() ? null : List.copyOf(users)) : read;
    }

    /** A number field: read to E.164 when it is a number; "anonymous" and the like are no number (a withheld caller). */
    private static String number(CtiFields fields, String name, String country) {
        String written = fields.first(name);
        if (written != null && written.length() > 100) {
            throw new InvalidPayloadException(name, name + ": at most 100 characters");
        }
        return PhoneNumbers.e164(written, country).orElse(null);
    }

    private static boolean isVoicemail(CtiSettings settings, String answering, List<String> users) {
        for (String box : settings.voicemailNumbers()) {
            String wanted = PhoneNumbers.address(box);
            if (answering != null && wanted.equals(PhoneNumbers.address(answering))) {
                return true;
            }
            if (users.stream().anyMatch(u -> wanted.equals(PhoneNumbers.address(u)))) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
