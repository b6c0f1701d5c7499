package org.switchboard.channels.email.control;

import java.util.Properties;

import jakarta.mail.Session;

import org.switchboard.channels.email.control.EmailAccount.AuthMethod;
import org.switchboard.channels.email.control.EmailAccount.Security;
import org.switchboard.channels.email.control.EmailAccount.Server;

/**
 * Jakarta Mail sessions for a channel's IMAP and SMTP servers: TLS as configured (certificates
 * checked against the host name), XOAUTH2 when the secret is an OAuth2 access token, and
 * timeouts so that an unreachable server never hangs a thread.
 */
public final class MailSessions {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int READ_TIMEOUT_MS = 30_000;
    /** A settings test waits less: an admin is watching, and a server that says nothing in 5 s is not one to use. */
    static final int TEST_TIMEOUT_MS = 5_000;

    private MailSessions() {
    }

    /** The Jakarta Mail protocol name for the server's security, e.g. "imaps". */
    public static String protocol(String base, Server server) {
        return server.security() == Security.SSL ? base + "s" : base;
    }

    public static Session imap(EmailAccount account) {
        return session("imap", account.imap(), account.auth(), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
    }

    public static Session smtp(EmailAccount account) {
        return session("smtp", account.smtp(), account.auth(), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
    }

    /** Sessions for trying settings: every wait bounded by {@link #TEST_TIMEOUT_MS}. */
    static Session forTest(String base, EmailAccount account) {
        return session(base, base.equals("imap") ? account.imap() : account.smtp(), account.auth(), TEST_TIMEOUT_MS, TEST_TIMEOUT_MS);
    }

    private static Session session(String base, Server server, AuthMethod auth, int connectTimeout, int readTimeout) {
        String protocol = protocol(base, server);
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", server.host());
        properties.setProperty(prefix + "port", Integer.toString(server.port()));
        properties.setProperty(prefix + "connectiontimeout", Integer.toString(connectTimeout));
        properties.setProperty(prefix + "timeout", Integer.toString(readTimeout));
        properties.setProperty(prefix + "writetimeout", Integer.toString(readTimeout));
        if (server.security() == Security.SSL) {
            properties.setProperty(prefix + "ssl.enable", "true");
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        } else if (server.security() == Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (base.equals("smtp")) {
            properties.setProperty(prefix + "auth", "true");
        }
        if (auth == AuthMethod.XOAUTH2) {
            properties.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
            properties.setProperty(prefix + "auth.login.disable", "true");
            properties.setProperty(prefix + "auth.plain.disable", "true");
        }
        // the IMAP IDLE loop is woken by other calls on the folder; this keeps those short
        properties.setProperty(prefix + "minidletime", "0");
        properties.setProperty("mail.mime.allowutf8", "false");
        return Session.getInstance(properties);
    }
}
