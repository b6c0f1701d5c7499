package org.switchboard.platform.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Carries live events between instances through PostgreSQL's {@code LISTEN/NOTIFY} on the database
 * every instance already shares: {@code pg_notify('switchboard_live', topic)} reaches every
 * instance's listening connection, this one's included, which hands the topic to local listeners.
 * Two connections held for good (from the application's data source, outside any transaction):
 * one waits for notifications, one sends them. After the listening connection was lost, every local listener is woken once, since events
 * may have passed meanwhile — listeners re-read, so waking too often costs a read, never an error.
 */
final class PostgresRelay {

    private static final Logger LOG = Logger.getLogger(PostgresRelay.class.getName());
    static final String CHANNEL = "switchboard_live";
    private static final int WAIT_MILLIS = 5000;

    /** Gives a connection to the shared database; closing it gives it back. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final Consumer<String> deliver;
    private final Runnable wakeAll;
    private volatile boolean running = true;
    private volatile Connection listening;
    private Connection sending;

    PostgresRelay(Connections connections, Consumer<String> deliver, Runnable wakeAll) {
        this.connections = connections;
        this.deliver = deliver;
        this.wakeAll = wakeAll;
    }

    /** The listening loop; runs on a thread of its own until {@link #stop()}. */
    void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = connections.open()) {
                listening = connection;
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                backoff = 500;
                wakeAll.run(); // whatever was published while nobody here listened
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Live events between instances paused (" + lost.getMessage() + "); listening again in " + backoff + " ms");
                sleep(backoff);
                backoff = Math.min(backoff * 2, 15_000);
            } finally {
                listening = null;
            }
        }
    }

    /** Sends the topic to every instance; false when the database could not take it (the caller delivers locally). */
    synchronized boolean publish(String topic) {
        try {
            if (sending == null || sending.isClosed()) {
                sending = connections.open();
                sending.setAutoCommit(true);
            }
            try (PreparedStatement notify = sending.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, topic);
                notify.execute();
            }
            return true;
        } catch (SQLException failed) {
            LOG.log(Level.FINE, "Live event not sent through the database", failed);
            closeQuietly(sending);
            sending = null;
            return false;
        }
    }

    void stop() {
        running = false;
        closeQuietly(listening);
        synchronized (this) {
            closeQuietly(sending);
            sending = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
