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

    @Inject
    @ConfigProperty(name = "switchboard.tickets.reopen-window-days", defaultValue = "30")
    int reopenWindowDays;

    @Inject
    @ConfigProperty(name = "switchboard.inbound.sender-tickets-per-hour", defaultValue = "60")
    int senderTicketsPerHour;

    /** New tickets one sender may open per hour; more is treated as a flood and held in quarantine. */
    public int senderTicketsPerHour() {
        return senderTicketsPerHour;
    }

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

    public Duration reopenWindow() {
        return Duration.ofDays(reopenWindowDays);
    }
}
