package dev.mamori.agent;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent does at rest to hand memory back: a full collection, which with the service
 * units' heap options shrinks the heap to the live data, then the JVM's trim of the C heap
 * ({@code jcmd System.trim_native_heap}: glibc keeps the memory that parsing and compiling freed).
 * The trim exists on Linux from Java 17.0.9; where the JVM has no such command, the collection alone is done.
 */
final class MemoryHandBack implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryHandBack.class);
    private static final String TRIM = "systemTrimNativeHeap";

    private boolean trimAvailable = true;

    @Override
    public void run() {
        System.gc();
        if (trimAvailable) {
            trimAvailable = trimNativeHeap();
        }
    }

    /** False when this JVM cannot trim its native heap (then it is not asked again). */
    static boolean trimNativeHeap() {
        try {
            ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(commands, TRIM,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            LOG.debug("native heap trimmed: {}", said);
            String reply = String.valueOf(said).toLowerCase(java.util.Locale.ROOT);
            return reply.startsWith("trim native heap") && !reply.contains("not");
        } catch (JMException | RuntimeException e) {
            LOG.debug("this JVM cannot trim its native heap ({})", e.toString());
            return false;
        }
    }
}
