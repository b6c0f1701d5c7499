package org.switchboard.imports.control;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Reads a source ahead on a thread of its own, so fetching the next mails (an IMAP round trip,
 * GreenMail or a real server taking its time) overlaps with writing the ones already read,
 * instead of the two taking turns. What is read ahead is bounded by count and by bytes, so the
 * heap stays flat whatever the mailbox holds. Mails come out in the source's order; a failure of
 * the source comes out where it happened. The thread also {@code prepare}s each mail (the import
 * parses it there), so on two cores the parsing of the next mails overlaps with the writing.
 */
public final class PrefetchingSource implements MailSource {

    static final int AHEAD = 400;
    static final int AHEAD_BYTES = 48 * 1024 * 1024;

    private static final Object END = new Object();

    private record Failure(Exception exception) {
    }

    /** A mail read ahead, with the bytes it holds of the budget (its raw size, taken before preparing). */
    private record Ahead(SourceMail mail, int weight) {
    }

    private final MailSource source;
    private final BiFunction<Runnable, String, Thread> threads;
    private final String name;
    private final UnaryOperator<SourceMail> prepare;
    private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(AHEAD);
    private final Semaphore bytes = new Semaphore(AHEAD_BYTES);
    private volatile boolean closing;
    private Thread reader;
    private boolean ended;

    /** @param threads makes the read-ahead thread (the server's managed thread factory) */
    public PrefetchingSource(MailSource source, BiFunction<Runnable, String, Thread> threads, String name) {
        this(source, threads, name, UnaryOperator.identity());
    }

    /** @param prepare what the read-ahead thread does to each mail before handing it on */
    public PrefetchingSource(MailSource source, BiFunction<Runnable, String, Thread> threads, String name, UnaryOperator<SourceMail> prepare) {
        this.source = source;
        this.threads = threads;
        this.name = name;
        this.prepare = prepare;
    }

    @Override
    public void open(String resumeAfter) throws Exception {
        source.open(resumeAfter);
        reader = threads.apply(this::readAhead, "import read-ahead " + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead() {
        try {
            SourceMail mail;
            while (!closing && (mail = source.next()) != null) {
                int weight = weight(mail);
                if (!hand(new Ahead(prepare.apply(mail), weight), weight)) {
                    return;
                }
            }
            hand(END, 0);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            try {
                hand(new Failure(e), 0);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for room, but never past a close: a reader nobody takes from any more must end, not block. */
    private boolean hand(Object item, int size) throws InterruptedException {
        while (!closing) {
            if (bytes.tryAcquire(size, 200, TimeUnit.MILLISECONDS)) {
                while (!closing) {
                    if (ahead.offer(item, 200, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** One mail larger than the whole budget still passes, alone. */
    private static int weight(SourceMail mail) {
        return Math.min(mail.raw().length, AHEAD_BYTES);
    }

    @Override
    public Long total() {
        return source.total();
    }

    @Override
    public SourceMail next() throws Exception {
        if (ended) {
            return null;
        }
        Object item = ahead.take();
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure failure) {
            ended = true;
            throw failure.exception();
        }
        Ahead read = (Ahead) item;
        bytes.release(read.weight());
        return read.mail();
    }

    @Override
    public void close() {
        closing = true;
        if (reader != null) {
            reader.interrupt();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
    }
}
