package org.switchboard.platform.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.switchboard.platform.concurrent.Background;
import org.switchboard.platform.startup.SchemaReady;

/**
 * A wake-up call on a topic ("chat:42:v-9f…"): whoever waits on it — an open WebSocket, a long
 * poll — reads what is new itself, with its own rights. An event carries no data, so one that is
 * lost or comes twice costs a read, never a wrong answer; readers catch up by sequence number.
 * Listeners run on {@link Background} threads, never on the publisher's, so a publisher inside a
 * request is not slowed by the readers it wakes. On PostgreSQL an event reaches the listeners of
 * every instance ({@link PostgresRelay}: {@code LISTEN/NOTIFY}); on the embedded H2 there is one
 * instance and events stay in it.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());

    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Set<java.util.function.Consumer<String>>> families = new ConcurrentHashMap<>();

    @Inject
    Background background;

    private volatile PostgresRelay relay;

    /** The application's data source (the server's own on WildFly): the relay's connections come from it, never enlisted in a transaction. */
    @Resource(lookup = "java:app/jdbc/switchboard")
    DataSource dataSource;

    /** Starts carrying events between instances once the database is ready, on PostgreSQL. */
    void start(@Observes SchemaReady ready) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
                return;
            }
        } catch (SQLException unreachable) {
            throw new IllegalStateException("The database cannot be reached: " + unreachable.getMessage(), unreachable);
        }
        PostgresRelay started = new PostgresRelay(dataSource::getConnection, this::deliver, this::wakeAll);
        relay = started;
        background.newThread(started::listen, "switchboard-live-events").start();
    }

    @PreDestroy
    void stop() {
        PostgresRelay running = relay;
        if (running != null) {
            running.stop();
        }
    }

    /** Calls {@code listener} after every {@link #publish} on {@code topic} until the subscription is closed. */
    public Subscription subscribe(String topic, Runnable listener) {
        listeners.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(topic, (t, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Calls {@code listener} with the topic after every {@link #publish} on a topic that starts with
     * {@code prefix} — a family of topics such as {@code "tickets:"} whose rest says what changed.
     * After events may have been missed (the relay lost its connection) it is called with the
     * prefix alone: anything in the family may have changed.
     */
    public Subscription subscribeFamily(String prefix, java.util.function.Consumer<String> listener) {
        families.computeIfAbsent(prefix, t -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> families.computeIfPresent(prefix, (t, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Wakes every listener of {@code topic}, on every instance; call it after the change it announces has committed. */
    public void publish(String topic) {
        PostgresRelay through = relay;
        if (through == null || !through.publish(topic)) {
            deliver(topic);
        }
    }

    /** Wakes this instance's listeners of {@code topic}. */
    private void deliver(String topic) {
        families.forEach((prefix, members) -> {
            if (topic.startsWith(prefix)) {
                members.forEach(listener -> execute(() -> listener.accept(topic)));
            }
        });
        Set<Runnable> waiting = listeners.get(topic);
        if (waiting == null) {
            return;
        }
        for (Runnable listener : waiting) {
            execute(listener);
        }
    }

    private void execute(Runnable listener) {
        try {
            background.execute(() -> run(listener));
        } catch (RuntimeException stopping) {
            // the application is stopping
        }
    }

    private void wakeAll() {
        listeners.keySet().forEach(this::deliver);
        families.keySet().forEach(this::deliver); // the prefix alone: anything in the family
    }

    private static void run(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A live listener failed", e);
        }
    }

    /** Stops the listener; closing twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
