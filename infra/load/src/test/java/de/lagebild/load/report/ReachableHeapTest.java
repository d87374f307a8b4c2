package de.lagebild.load.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps this test's own heap: what is held counts, what was dropped does not. */
class ReachableHeapTest {

    private static final int MB = 1024 * 1024;

    private static byte[] held;

    @Test
    void countsHeldArraysAndNotDroppedOnes(@TempDir Path dir) throws Exception {
        ReachableHeap.Snapshot before = dumpAndRead(dir.resolve("before.hprof"));

        held = new byte[24 * MB];
        allocateAndDrop(64 * MB);
        ReachableHeap.Snapshot after = dumpAndRead(dir.resolve("after.hprof"));

        long growth = after.reachableBytes() - before.reachableBytes();
        assertTrue(growth > 23 * MB && growth < 34 * MB, "reachable growth was " + growth + " bytes");
        assertTrue(after.largeArrayBytes() - before.largeArrayBytes() >= 24 * MB, "the held array is a large one");
        held = null;
    }

    private static void allocateAndDrop(int bytes) {
        byte[] dropped = new byte[bytes];
        dropped[1] = 1;
    }

    /** A dump of all objects, the garbage included, as the benchmark takes it with jcmd. */
    private static ReachableHeap.Snapshot dumpAndRead(Path file) throws Exception {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), false);
        try {
            return ReachableHeap.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
