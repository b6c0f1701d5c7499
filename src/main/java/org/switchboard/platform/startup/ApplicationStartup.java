package org.switchboard.platform.startup;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.switchboard.platform.config.InvalidSettingException;
import org.switchboard.platform.config.SwitchboardSettings;
import org.switchboard.platform.crypto.SecretKeys;
import org.switchboard.platform.database.SchemaMigrator;

/**
 * Runs once per start, before the application serves requests: checks every setting, migrates
 * the schema, seeds the first-start data. Any failure stops the deployment with its reason.
 */
@ApplicationScoped
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Resource(lookup = "java:app/jdbc/switchboard")
    DataSource dataSource;

    @Inject
    InitialData initialData;

    @Inject
    Readiness readiness;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        try {
            SwitchboardSettings settings = SwitchboardSettings.current();
            settings.baseUrl();
            settings.adminPassword();
            SecretKeys.load(settings.secretKey(), settings.dataDir());
            LOG.info(() -> "Switchboard data folder " + settings.dataDir() + ", database " + settings.database());
            SchemaMigrator.migrate(dataSource);
            initialData.seed(settings.adminPassword());
            readiness.markReady();
        } catch (InvalidSettingException e) {
            LOG.severe(() -> "Switchboard cannot start. " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Switchboard cannot start: " + e.getMessage(), e);
            throw e;
        }
    }
}
