package org.switchboard.channels.email.control;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.switchboard.platform.concurrent.Background;

/**
 * Keeps one watcher thread per fetched mailbox. A watcher holds the mailbox's lease (so one
 * instance fetches it, however many run), fetches what is new, then waits with IMAP IDLE where
 * the server supports it — mail is taken in seconds after it arrives — or sleeps the poll
 * interval otherwise. IDLE is woken every {@value #IDLE_SLICE_SECONDS} s to renew the lease.
 * IDLE is reached through the IMAP folder's public {@code idle(boolean)} method by reflection, so
 * no mail implementation class is compiled against.
 */
@ApplicationScoped
public class MailboxWatcher {

    private static final Logger LOG = Logger.getLogger(MailboxWatcher.class.getName());
    static final int IDLE_SLICE_SECONDS = 20;
    private static final long RETRY_AFTER_FAILURE_MS = 15_000;

    private final String owner = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();

    @Inject
    Background background;

    @Inject
    MailboxLeases leases;

    @Inject
    MailboxFetcher fetcher;

    @Inject
    EmailChannelService accounts;

    /** Starts a watcher for every fetched mailbox that has none (at startup, and as a safety net). */
    public void ensureWatching() {
        for (long channelId : leases.fetchedMailboxes()) {
            watches.computeIfAbsent(channelId, this::start);
        }
        watches.entrySet().removeIf(entry -> !entry.getValue().isAlive());
    }

    /** Settings changed: the watcher starts over with them. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailboxChanged changed) {
        Watch old = watches.remove(changed.channelId());
        if (old != null) {
            old.stop();
        }
        ensureWatching();
    }

    public String owner() {
        return owner;
    }

    private Watch start(long channelId) {
        Watch watch = new Watch(channelId);
        Thread thread = background.newThread(watch, "mailbox-" + channelId);
        watch.thread = thread;
        thread.start();
        return watch;
    }

    @PreDestroy
    void stopAll() {
        watches.values().forEach(Watch::stop);
        watches.clear();
    }

    /** The loop of one mailbox. */
    final class Watch implements Runnable {

        private final long channelId;
        private volatile boolean running = true;
        private volatile Thread thread;
        private volatile Store store;

        Watch(long channelId) {
            this.channelId = channelId;
        }

        boolean isAlive() {
            return running && thread != null && thread.isAlive();
        }

        void stop() {
            running = false;
            Store open = store;
            if (open != null) {
                try {
                    open.close(); // ends a running IDLE at once
                } catch (MessagingException | RuntimeException ignored) {
                    // closing anyway
                }
            }
            if (thread != null) {
                thread.interrupt();
            }
        }

        @Override
        public void run() {
            try {
                while (running) {
                    if (!leases.acquire(channelId, owner)) {
                        sleep(MailboxLeases.LEASE.toMillis() / 4);
                        continue;
                    }
                    try {
                        watchWhileLeased();
                    } catch (Exception e) {
                        if (running) {
                            String problem = ConnectionProblem.describe("IMAP", e);
                            LOG.log(Level.WARNING, "Mailbox of channel " + channelId + ": " + problem);
                            leases.failed(channelId, problem);
                            sleep(RETRY_AFTER_FAILURE_MS);
                        }
                    }
                }
            } catch (RuntimeException unexpected) {
                LOG.log(Level.SEVERE, "Watcher of mailbox " + channelId + " stopped; it restarts within a minute", unexpected);
            } finally {
                running = false;
                try {
                    leases.release(channelId, owner);
                } catch (RuntimeException shuttingDown) {
                    // the lease expires by itself
                }
            }
        }

        private void watchWhileLeased() throws Exception {
            EmailAccount account = accounts.account(channelId);
            if (account == null || !account.kind().fetches()) {
                running = false;
                return;
            }
            Store opened = MailSessions.imap(account).getStore(MailSessions.protocol("imap", account.imap()));
            store = opened;
            try (opened) {
                opened.connect(account.username(), accounts.secretOf(account));
                Folder folder = opened.getFolder(account.folder());
                Folder moveTo = account.moveToFolder() == null ? null : opened.getFolder(account.moveToFolder());
                folder.open(moveTo == null ? Folder.READ_ONLY : Folder.READ_WRITE);
                Method idle = idleMethod(opened, folder);
                while (running) {
                    // until a pass finds nothing: mail that arrived during a pass was announced before IDLE began
                    while (running && fetcher.fetchNew(channelId, folder, moveTo) > 0) {
                        leases.acquire(channelId, owner);
                    }
                    leases.synced(channelId, idle != null);
                    if (!leases.acquire(channelId, owner)) {
                        return; // another instance took over (we were too slow to renew)
                    }
                    if (idle != null) {
                        idleOneSlice(folder, idle);
                    } else if (!pollWait(account.pollSeconds() * 1000L) || !folder.isOpen()) {
                        return;
                    }
                }
            } finally {
                store = null;
            }
        }

        /** Sleeps the poll interval in slices, renewing the lease; false when the lease was lost. */
        private boolean pollWait(long millis) {
            long until = System.currentTimeMillis() + millis;
            while (running && System.currentTimeMillis() < until) {
                sleep(Math.min(IDLE_SLICE_SECONDS * 1000L, until - System.currentTimeMillis()));
                if (!leases.acquire(channelId, owner)) {
                    return false;
                }
            }
            return running;
        }

        /** Waits in IDLE until the server reports a change or the slice ends (a wake-up call on the folder ends IDLE). */
        private void idleOneSlice(Folder folder, Method idle) throws Exception {
            ScheduledFuture<?> wakeUp = background.schedule(() -> {
                try {
                    folder.getMessageCount();
                } catch (MessagingException | RuntimeException closing) {
                    // the loop notices a closed folder
                }
            }, IDLE_SLICE_SECONDS, TimeUnit.SECONDS);
            try {
                idle.invoke(folder, true);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                wakeUp.cancel(false);
            }
        }

        private Method idleMethod(Store opened, Folder folder) {
            try {
                Method hasCapability = opened.getClass().getMethod("hasCapability", String.class);
                if (!Boolean.TRUE.equals(hasCapability.invoke(opened, "IDLE"))) {
                    return null;
                }
                return folder.getClass().getMethod("idle", boolean.class);
            } catch (ReflectiveOperationException | RuntimeException noIdle) {
                return null;
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException unknown) {
            return "instance";
        }
    }
}
