package org.switchboard.platform.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** Two relays stand for two instances on one PostgreSQL database (the local server, as in CI). */
class PostgresRelayTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Test
    void anEventFromOneInstanceWakesListenersOnEveryInstanceAndALostConnectionIsListenedAgain() throws Exception {
        assumeTrue(reachable(), "PostgreSQL on 127.0.0.1:5432");
        List<Connection> openedByB = new CopyOnWriteArrayList<>();
        BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
        BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
        Semaphore wakeAllA = new Semaphore(0);
        Semaphore wakeAllB = new Semaphore(0);
        PostgresRelay a = new PostgresRelay(PostgresRelayTest::open, heardByA::add, wakeAllA::release);
        PostgresRelay b = new PostgresRelay(() -> {
            Connection connection = open();
            openedByB.add(connection);
            return connection;
        }, heardByB::add, wakeAllB::release);
        Thread listenerA = new Thread(a::listen);
        Thread listenerB = new Thread(b::listen);
        listenerA.start();
        listenerB.start();
        try {
            assertTrue(wakeAllA.tryAcquire(10, TimeUnit.SECONDS) && wakeAllB.tryAcquire(10, TimeUnit.SECONDS), "both listening");

            assertTrue(a.publish("chat:7:a-visitor"));
            assertEquals("chat:7:a-visitor", heardByB.poll(5, TimeUnit.SECONDS), "the other instance hears it");
            assertEquals("chat:7:a-visitor", heardByA.poll(5, TimeUnit.SECONDS), "and so does the one that published it");

            // the database drops B's listening connection: B listens again and wakes everyone once, since events may have passed
            int backendPid = openedByB.get(0).unwrap(PGConnection.class).getBackendPID();
            try (Connection admin = open()) {
                admin.createStatement().execute("SELECT pg_terminate_backend(" + backendPid + ")");
            }
            assertTrue(wakeAllB.tryAcquire(20, TimeUnit.SECONDS), "B listens again and wakes its listeners");
            assertTrue(a.publish("helpdesk"));
            assertEquals("helpdesk", heardByB.poll(5, TimeUnit.SECONDS));
        } finally {
            a.stop();
            b.stop();
            listenerA.join(10_000);
            listenerB.join(10_000);
        }
        assertTrue(!listenerA.isAlive() && !listenerB.isAlive(), "stopping ends the listening threads");
    }

    private static Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }

    private static boolean reachable() {
        try (Connection ignored = open()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
