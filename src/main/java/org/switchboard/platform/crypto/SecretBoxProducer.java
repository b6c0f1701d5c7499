package org.switchboard.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.switchboard.platform.config.SwitchboardSettings;

/** One {@link SecretBox} for the application, keyed by SWITCHBOARD_SECRET_KEY or the data folder's key. */
@ApplicationScoped
public class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox() {
        SwitchboardSettings settings = SwitchboardSettings.current();
        return new SecretBox(SecretKeys.load(settings.secretKey(), settings.dataDir()));
    }
}
