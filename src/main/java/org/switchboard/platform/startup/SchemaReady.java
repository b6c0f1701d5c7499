package org.switchboard.platform.startup;

import java.util.Optional;

/**
 * Fired (synchronously) once the schema is migrated, before the application is marked ready:
 * features seed the first-start data they own. {@code adminPassword} is SWITCHBOARD_ADMIN_PASSWORD.
 */
public record SchemaReady(Optional<String> adminPassword) {
}
