package org.switchboard.platform.startup;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

import org.switchboard.platform.config.SwitchboardSettings;

/** Hardens the session cookie: HTTP-only, SameSite=Lax, and Secure when Switchboard is served over https. */
@WebListener
public class SessionCookieHardening implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure("https".equals(SwitchboardSettings.current().baseUrl().getScheme()));
        cookie.setAttribute("SameSite", "Lax");
    }
}
