package org.switchboard.channels.twilio.control;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.switchboard.calls.control.CallEvent;
import org.switchboard.calls.control.CallEvent.Step;
import org.switchboard.calls.control.PhoneNumbers;
import org.switchboard.conversations.entity.CallDirection;
import org.switchboard.inbound.control.InvalidPayloadException;

/**
 * Twilio's requests read into {@link CallEvent}s. Which request it is comes from the URL it was sent to
 * (the hook; Switchboard gave Twilio each URL, with the agent or the contact in its query, and Twilio
 * signs the URL): the incoming call ({@code voice}), the call's status changes ({@code status}:
 * queued … completed, busy, no-answer, canceled, failed), an agent's or the contact's leg answering
 * ({@code agent}, {@code customer}), a voicemail recording ({@code recording}), and a click-to-call
 * Switchboard placed ({@code placed}).
 */
public final class TwilioEvents {

    public enum Hook {
        VOICE, STATUS, AGENT, CUSTOMER, RECORDING, PLACED, DIAL, DONE, OUTBOUND;

        public static Hook of(String path) {
            try {
                return Hook.valueOf(path.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        /** Hooks whose request is a call event (journaled); the others only ask for TwiML. */
        public boolean isEvent() {
            return this == VOICE || this == STATUS || this == AGENT || this == CUSTOMER || this == RECORDING || this == PLACED;
        }
    }

    private static final Map<String, String> END_CAUSES = Map.of("completed", "normalClearing", "busy", "busy", "no-answer", "noAnswer",
            "canceled", "cancel", "failed", "failed");

    private TwilioEvents() {
    }

    /** The journal key of one request: a repeated request is the same item, a new status of the call a new one. */
    public static String key(Hook hook, Map<String, List<String>> form, Map<String, List<String>> query) {
        String sid = required(form, "CallSid");
        return switch (hook) {
            case VOICE -> "twilio:" + sid + ":voice";
            case STATUS -> "twilio:" + sid + ":status:" + required(form, "CallStatus");
            case AGENT, CUSTOMER -> "twilio:" + parent(form, query) + ":" + hook.name().toLowerCase(Locale.ROOT) + ":" + sid + ":" + required(form, "CallStatus");
            case RECORDING -> "twilio:" + sid + ":recording:" + required(form, "RecordingSid");
            case PLACED -> "twilio:" + sid + ":placed";
            default -> throw new IllegalArgumentException(hook + " is not an event");
        };
    }

    /** The event, or null when the request changes nothing about the call (Twilio answering a call to run TwiML, a leg ringing). */
    public static CallEvent read(Hook hook, Map<String, List<String>> form, Map<String, List<String>> query, String country, Instant receivedAt) {
        String sid = required(form, "CallSid");
        Instant at = timestamp(first(form, "Timestamp"), receivedAt);
        String status = first(form, "CallStatus") == null ? "" : first(form, "CallStatus").toLowerCase(Locale.ROOT);
        switch (hook) {
            case VOICE -> {
                // whom it rings is known when an agent's leg starts ringing (the agent hook)
                return new CallEvent(sid, Step.RINGING, CallDirection.INBOUND, number(first(form, "From"), country), number(first(form, "To"), country),
                        null, null, at, false);
            }
            case STATUS -> {
                boolean inbound = "inbound".equalsIgnoreCase(first(form, "Direction"));
                CallDirection direction = inbound ? CallDirection.INBOUND : CallDirection.OUTBOUND;
                String customer = inbound ? number(first(form, "From"), country) : number(first(query, "customer"), country);
                String ours = inbound ? number(first(form, "To"), country) : number(first(form, "From"), country);
                String agent = first(query, "agent");
                if (status.equals("queued") || status.equals("initiated") || status.equals("ringing")) {
                    return new CallEvent(sid, Step.RINGING, direction, customer, ours, agent, null, at, false);
                }
                String cause = END_CAUSES.get(status);
                return cause == null ? null : new CallEvent(sid, Step.ENDED, direction, customer, ours, agent, cause, at, false);
            }
            case AGENT, CUSTOMER -> {
                String agent = first(query, "agent");
                if (hook == Hook.AGENT && status.equals("ringing")) {
                    // the agent's phone rings: they get the incoming call notice
                    return agent == null ? null : new CallEvent(parent(form, query), Step.RINGING, CallDirection.INBOUND, number(first(query, "customer"), country), null,
                            null, null, at, false).ringing(List.of(agent));
                }
                if (!status.equals("in-progress") && !status.equals("answered")) {
                    return null; // the leg rang or ended: the call's own status says how the call ended
                }
                boolean inbound = hook == Hook.AGENT;
                return new CallEvent(parent(form, query), Step.ANSWERED, inbound ? CallDirection.INBOUND : CallDirection.OUTBOUND,
                        number(first(query, "customer"), country), null, first(query, "agent"), null, at, false);
            }
            case RECORDING -> {
                if (!"completed".equalsIgnoreCase(first(form, "RecordingStatus"))) {
                    return null;
                }
                String url = required(form, "RecordingUrl");
                Integer seconds = integer(first(form, "RecordingDuration"));
                return new CallEvent(sid, Step.RECORDED, CallDirection.INBOUND, null, null, null, null, at, false, url, seconds);
            }
            case PLACED -> {
                return new CallEvent(sid, Step.RINGING, CallDirection.OUTBOUND, number(required(form, "To"), country), number(first(form, "From"), country),
                        first(form, "SwitchboardAgent"), null, at, false);
            }
            default -> throw new IllegalArgumentException(hook + " is not an event");
        }
    }

    private static String parent(Map<String, List<String>> form, Map<String, List<String>> query) {
        String parent = first(form, "ParentCallSid");
        return parent != null ? parent : required(query, "parent");
    }

    private static String number(String written, String country) {
        if (written != null && written.toLowerCase(Locale.ROOT).startsWith("client:")) {
            return null;
        }
        return PhoneNumbers.e164(written, country).orElse(null);
    }

    /** Twilio's {@code Timestamp}: RFC 1123 ("Thu, 03 Dec 2026 10:00:00 +0000"); the arrival time when absent or unreadable. */
    static Instant timestamp(String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException unreadable) {
            return fallback;
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.get(0) == null || list.get(0).isBlank() ? null : list.get(0).strip();
    }

    static String required(Map<String, List<String>> values, String name) {
        String value = first(values, name);
        if (value == null) {
            throw new InvalidPayloadException(name, name + ": missing");
        }
        if (value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidPayloadException(name, name + ": at most 200 characters, no control characters");
        }
        return value;
    }
}
