package org.switchboard.platform.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Work that runs beside requests: mailbox watchers, reply delivery, IDLE wake-ups. Threads come
 * from the server's {@link ManagedThreadFactory} (application class loader, JNDI, CDI), and tasks
 * run on them directly — not through a managed executor, whose per-task context switch ties each
 * task to the invocation that submitted it. Rule for such threads: every database access runs
 * inside a transaction ({@code @Transactional} services), never through a bare entity manager.
 */
@ApplicationScoped
public class Background {

    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService pool;

    @PostConstruct
    void start() {
        pool = Executors.newScheduledThreadPool(2, threads);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public void execute(Runnable task) {
        pool.execute(task);
    }

    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return pool.schedule(task, delay, unit);
    }

    /** A long-running thread of its own (e.g. one per watched mailbox), started by the caller. */
    public Thread newThread(Runnable task, String name) {
        Thread thread = threads.newThread(task);
        thread.setName(name);
        return thread;
    }
}
