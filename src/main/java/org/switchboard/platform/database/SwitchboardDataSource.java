package org.switchboard.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.switchboard.platform.config.DatabaseSettings;
import org.switchboard.platform.config.InvalidSettingException;
import org.switchboard.platform.config.SwitchboardSettings;

/**
 * The class the server pools for {@code java:app/jdbc/switchboard}. It reads the database
 * settings when the server first asks it for a connection and delegates to the driver's own
 * data source. Naming this class in {@code @DataSourceDefinition} keeps the definition free of
 * vendor placeholders, so Payara and WildFly both read it the same way.
 */
public class SwitchboardDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(SwitchboardDataSource.class.getName());
    private static volatile boolean wrongSettingLogged;

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeoutSeconds;

    private DataSource delegate() throws SQLException {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(settings());
                }
                current = delegate;
            }
        }
        return current;
    }

    /** The server hides this failure in a pool error; say it plainly once, where an operator looks first. */
    private static DatabaseSettings settings() {
        try {
            return SwitchboardSettings.current().database();
        } catch (InvalidSettingException e) {
            if (!wrongSettingLogged) {
                wrongSettingLogged = true;
                LOG.severe(() -> "Switchboard cannot start. " + e.getMessage());
            }
            throw e;
        }
    }

    static DataSource create(DatabaseSettings settings) throws SQLException {
        return switch (settings.kind()) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(settings.url());
                h2.setUser(settings.user());
                h2.setPassword(settings.password());
                yield h2;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(settings.url());
                if (settings.user() != null) {
                    pg.setUser(settings.user());
                }
                if (settings.password() != null) {
                    pg.setPassword(settings.password());
                }
                pg.setApplicationName("switchboard");
                yield pg;
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
