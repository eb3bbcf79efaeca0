package dev.mamori.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of the calling thread, which rule budgets are measured in: wall time depends on
 * the machine's load and on how many rules share the cores (parallel detection of large texts),
 * so a wall-clock cut made the same file's findings change from run to run. Falls back to wall
 * time where the JVM cannot measure thread CPU time.
 */
final class ThreadTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    static {
        if (CPU && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    private ThreadTime() {
    }

    static long nanos() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
