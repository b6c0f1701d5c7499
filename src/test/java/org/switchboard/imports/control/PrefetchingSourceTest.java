package org.switchboard.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PrefetchingSourceTest {

    /** Mails "0".."n-1" of the given size; fails at {@code failAt} if not negative; counts what was read. */
    static final class CountingSource implements MailSource {
        final int count;
        final int size;
        final int failAt;
        final AtomicInteger read = new AtomicInteger();
        volatile boolean closed;
        int next;

        CountingSource(int count, int size, int failAt) {
            this.count = count;
            this.size = size;
            this.failAt = failAt;
        }

        @Override
        public void open(String resumeAfter) {
            next = resumeAfter == null ? 0 : Integer.parseInt(resumeAfter) + 1;
        }

        @Override
        public Long total() {
            return (long) count;
        }

        @Override
        public SourceMail next() throws IOException {
            if (next == failAt) {
                throw new IOException("the server went away at " + failAt);
            }
            if (next >= count) {
                return null;
            }
            read.incrementAndGet();
            int i = next++;
            return new SourceMail("INBOX", "UID " + i, Integer.toString(i), new byte[size]);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static PrefetchingSource ahead(MailSource source) {
        return new PrefetchingSource(source, Thread::new, "test");
    }

    @Test
    void mailsComeOutInTheSourcesOrderFromTheResumePosition() throws Exception {
        CountingSource source = new CountingSource(1000, 10, -1);
        try (PrefetchingSource prefetching = ahead(source)) {
            prefetching.open("499");
            List<String> positions = new ArrayList<>();
            for (MailSource.SourceMail mail; (mail = prefetching.next()) != null; ) {
                positions.add(mail.resumeAfter());
            }
            assertEquals(500, positions.size());
            assertEquals("500", positions.get(0));
            assertEquals("999", positions.get(499));
            assertNull(prefetching.next(), "the end stays the end");
        }
        assertTrue(source.closed);
    }

    @Test
    void aFailureOfTheSourceComesOutWhereItHappened() throws Exception {
        try (PrefetchingSource prefetching = ahead(new CountingSource(100, 10, 42))) {
            prefetching.open(null);
            for (int i = 0; i < 42; i++) {
                assertEquals(Integer.toString(i), prefetching.next().resumeAfter());
            }
            IOException failure = assertThrows(IOException.class, prefetching::next);
            assertTrue(failure.getMessage().contains("at 42"));
        }
    }

    @Test
    void readingAheadStopsAtTheByteBudgetAndCloseEndsAReaderThatIsWaiting() throws Exception {
        int mailSize = 4 * 1024 * 1024;
        CountingSource source = new CountingSource(1000, mailSize, -1);
        PrefetchingSource prefetching = ahead(source);
        prefetching.open(null);
        Thread.sleep(500);
        long inMemory = (long) source.read.get() * mailSize;
        assertTrue(inMemory <= PrefetchingSource.AHEAD_BYTES + mailSize, "read ahead: " + source.read.get() + " mails of 4 MB");
        long start = System.nanoTime();
        prefetching.close();
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "close does not wait for a consumer that never comes");
        assertTrue(source.closed);
    }

    @Test
    void eachMailIsPreparedOnTheReadAheadThreadAndComesOutInOrder() throws Exception {
        List<String> preparedOn = java.util.Collections.synchronizedList(new ArrayList<>());
        MailParsing.Parsed marker = new MailParsing.Parsed(null, null);
        try (PrefetchingSource prefetching = new PrefetchingSource(new CountingSource(300, 10, -1), Thread::new, "test", mail -> {
            preparedOn.add(Thread.currentThread().getName());
            return mail.withParsed(marker);
        })) {
            prefetching.open(null);
            for (int i = 0; i < 300; i++) {
                MailSource.SourceMail mail = prefetching.next();
                assertEquals(Integer.toString(i), mail.resumeAfter());
                assertTrue(mail.parsed() == marker, "handed on prepared");
                assertNull(mail.raw(), "the raw bytes are let go once parsed");
            }
            assertNull(prefetching.next());
        }
        assertEquals(300, preparedOn.size());
        assertTrue(preparedOn.stream().noneMatch(Thread.currentThread().getName()::equals), "never on the consumer's thread");
    }
}
