package org.switchboard.platform.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/switchboard")
    DataSource dataSource;

    @Inject
    org.switchboard.platform.startup.Readiness startup;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("startupComplete", startup.isReady());
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return response.withData("product", connection.getMetaData().getDatabaseProductName())
                    .status(valid && startup.isReady()).build();
        } catch (SQLException e) {
            return response.withData("error", e.getClass().getSimpleName()).down().build();
        }
    }
}
