package org.switchboard.platform.startup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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
    Seeding seeding;

    @Inject
    Readiness readiness;

    /**
     * What the data source really connects to: on WildFly that is the server's data source, not
     * SWITCHBOARD_DB_URL. Answers whether it is PostgreSQL.
     */
    private boolean logDatabase(SwitchboardSettings settings) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            LOG.info("Switchboard data folder " + settings.dataDir() + "; database " + meta.getDatabaseProductName() + " "
                    + meta.getDatabaseProductVersion() + " at " + meta.getURL() + " as " + meta.getUserName());
            return meta.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
        }
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        try {
            SwitchboardSettings settings = SwitchboardSettings.current();
            settings.baseUrl();
            settings.adminPassword();
            SecretKeys.load(settings.secretKey(), settings.dataDir());
            boolean postgresql = logDatabase(settings);
            SchemaMigrator.migrate(dataSource);
            seeding.seed(new SchemaReady(settings.adminPassword()), postgresql); // features seed what they own
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
