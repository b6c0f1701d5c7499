package org.switchboard.platform.startup;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

import org.switchboard.platform.config.SwitchboardSettings;

/**
 * Declares the application's data source and hardens the session cookie. The data source class
 * reads SWITCHBOARD_DB_* itself, so no server configuration is needed to run on H2 or PostgreSQL.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/switchboard",
        className = "org.switchboard.platform.database.SwitchboardDataSource",
        minPoolSize = 2,
        maxPoolSize = 40,
        transactional = true)
@WebListener
public class DataSourceRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure("https".equals(SwitchboardSettings.current().baseUrl().getScheme()));
        cookie.setAttribute("SameSite", "Lax");
    }
}
