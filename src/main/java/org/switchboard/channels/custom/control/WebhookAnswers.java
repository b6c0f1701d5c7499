package org.switchboard.channels.custom.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.switchboard.outbound.control.SendOutcome;

/**
 * What a receiver's answer to a delivery means: 2xx sent; 408, 429 and 5xx worth another try
 * (after its {@code Retry-After}, seconds or an HTTP date, when it gives one); any other status
 * refused for good, with the receiver's answer kept for the agent to read.
 */
public final class WebhookAnswers {

    /** How much of a receiver's answer is kept on the message. */
    static final int KEPT_BODY_CHARS = 500;

    private WebhookAnswers() {
    }

    public static SendOutcome classify(int status, String retryAfter, String body) {
        if (status >= 200 && status < 300) {
            return SendOutcome.sent(null, null);
        }
        String reason = "The receiver answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shorten(body));
        if (status == 408 || status == 429 || status >= 500) {
            return SendOutcome.retry(reason, retryAfter(retryAfter, Instant.now()));
        }
        return SendOutcome.permanent(reason);
    }

    /** {@code Retry-After} as a wait: delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String shorten(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > KEPT_BODY_CHARS ? oneLine.substring(0, KEPT_BODY_CHARS) + "…" : oneLine;
    }
}
