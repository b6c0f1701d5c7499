package org.switchboard.channels.chat.boundary;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.platform.concurrent.Background;

/**
 * Closes widget sockets that said nothing for {@value ChatSocket#IDLE_MILLIS} ms: a widget pings
 * every 25 s, so a socket that silent has lost its widget (a laptop closed without a goodbye).
 * Swept once a minute while any socket is open. Our own check, not {@code Session.setMaxIdleTimeout}
 * (see {@link ChatSocket#onOpen}).
 */
@ApplicationScoped
public class IdleChatSockets {

    private final Set<ChatSocket> open = ConcurrentHashMap.newKeySet();
    private boolean scheduled;

    @Inject
    Background background;

    void opened(ChatSocket socket) {
        open.add(socket);
        scheduleSweep();
    }

    void closed(ChatSocket socket) {
        open.remove(socket);
    }

    private synchronized void scheduleSweep() {
        if (scheduled) {
            return;
        }
        try {
            background.schedule(this::sweep, 1, TimeUnit.MINUTES);
            scheduled = true;
        } catch (RuntimeException stopping) {
            // the application is stopping
        }
    }

    void sweep() {
        synchronized (this) {
            scheduled = false;
        }
        long now = System.nanoTime();
        open.stream().filter(socket -> socket.silentSince(now)).toList().forEach(ChatSocket::closeSilent);
        if (!open.isEmpty()) {
            scheduleSweep();
        }
    }
}
