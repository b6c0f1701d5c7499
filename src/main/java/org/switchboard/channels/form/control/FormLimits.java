package org.switchboard.channels.form.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The spam defence's limits, from MicroProfile Config (environment: SWITCHBOARD_FORMS_…). They
 * always apply: nothing here depends on a search engine or a third party.
 */
@ApplicationScoped
public class FormLimits {

    @Inject
    @ConfigProperty(name = "switchboard.forms.per-address-hour", defaultValue = "20")
    int perAddressHour;

    @Inject
    @ConfigProperty(name = "switchboard.forms.per-address-day", defaultValue = "240")
    int perAddressDay;

    @Inject
    @ConfigProperty(name = "switchboard.forms.per-form-day", defaultValue = "5000")
    int perFormDay;

    /** A person needs a few seconds to fill even a short form; a script posts at once. */
    @Inject
    @ConfigProperty(name = "switchboard.forms.min-fill-seconds", defaultValue = "3")
    int minFillSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.forms.token-hours", defaultValue = "24")
    int tokenHours;

    @Inject
    @ConfigProperty(name = "switchboard.forms.max-file-bytes", defaultValue = "10485760")
    long maxFileBytes;

    public int perAddressHour() {
        return perAddressHour;
    }

    public int perAddressDay() {
        return perAddressDay;
    }

    public int perFormDay() {
        return perFormDay;
    }

    public Duration minimumFill() {
        return Duration.ofSeconds(minFillSeconds);
    }

    public Duration tokenLifetime() {
        return Duration.ofHours(tokenHours);
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }
}
