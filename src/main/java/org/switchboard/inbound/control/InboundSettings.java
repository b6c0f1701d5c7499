package org.switchboard.inbound.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tunables of the inbound pipeline, each a MicroProfile Config key (and SWITCHBOARD_* variable). */
@ApplicationScoped
public class InboundSettings {

    @Inject
    @ConfigProperty(name = "switchboard.inbound.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.inbound.retry-base-seconds", defaultValue = "10")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.inbound.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    public int maxAttempts() {
        return maxAttempts;
    }

    /** 10 s, 20 s, 40 s … capped at one hour. */
    public Duration backoffAfter(int attempts) {
        long seconds = retryBaseSeconds << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }
}
