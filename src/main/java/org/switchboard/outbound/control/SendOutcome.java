package org.switchboard.outbound.control;

import java.time.Duration;

/** What one attempt came to: sent, waiting for the channel, or failed for now (retry) or for good (the provider's reason kept). */
public sealed interface SendOutcome {

    /** Accepted by the provider; {@code providerId} is its id for the message (null when it gives none), {@code copy} what went out. */
    record Sent(String providerId, byte[] copy) implements SendOutcome {
    }

    /** Worth another try; {@code retryAfter} is the provider's wish (null: our backoff). */
    record Transient(String reason, Duration retryAfter) implements SendOutcome {
    }

    /**
     * Not tried, or not the message's fault: the channel is paused (our pace, the provider's rate
     * limit, a token to renew). Tried again after {@code after}; waiting never fails a message.
     */
    record Waiting(String reason, Duration after) implements SendOutcome {
    }

    /** Another try would fail the same way (an unknown recipient, a refused request). */
    record Permanent(String reason) implements SendOutcome {
    }

    static SendOutcome sent(String providerId, byte[] copy) {
        return new Sent(providerId, copy);
    }

    static SendOutcome retry(String reason) {
        return new Transient(reason, null);
    }

    static SendOutcome retry(String reason, Duration retryAfter) {
        return new Transient(reason, retryAfter);
    }

    static SendOutcome waitFor(String reason, Duration after) {
        return new Waiting(reason, after);
    }

    static SendOutcome permanent(String reason) {
        return new Permanent(reason);
    }
}
