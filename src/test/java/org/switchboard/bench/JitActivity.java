package org.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * CPU time the JIT compiler threads of some processes have used, read from Linux's
 * {@code /proc/PID/task/TID/stat}: a benchmark warms up until it is near zero, since on two
 * cores the compilers take a good part of the machine for the first minute or two of load.
 */
final class JitActivity {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long[] pids;

    JitActivity(long... pids) {
        this.pids = pids;
    }

    /** Whether this system can tell (it is Linux with /proc). */
    boolean available() {
        return Files.isDirectory(Path.of("/proc", String.valueOf(pids[0]), "task"));
    }

    /** Seconds of CPU the compiler threads of the processes have used so far. */
    double compilerSeconds() {
        return LongStream.of(pids).map(JitActivity::compilerTicks).sum() / (double) TICKS_PER_SECOND;
    }

    private static long compilerTicks(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.mapToLong(JitActivity::ticksIfCompiler).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long ticksIfCompiler(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.contains("CompilerThre")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException gone) {
            return 0; // the thread ended meanwhile
        }
    }
}
