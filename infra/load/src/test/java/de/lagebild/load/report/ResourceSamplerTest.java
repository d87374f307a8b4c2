package de.lagebild.load.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples this test's own JVM, once as a function and once as the "postmaster" of a child process. */
class ResourceSamplerTest {

    @Test
    void everySampleHasCpuAndMemoryThoughPssIsReadOnlyEveryTenth(@TempDir Path run) throws Exception {
        String self = Long.toString(ProcessHandle.current().pid());
        Files.writeString(run.resolve("fn.pid"), self);
        Path postmaster = Files.writeString(run.resolve("postmaster.pid"), self + "\n/var/lib/postgresql\n");
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            ResourceSampler sampler = new ResourceSampler(run, postmaster);
            for (int i = 0; i < 13; i++) {
                busyFor(20);
                sampler.sample();
            }
            List<ResourceSampler.Point> function = sampler.series().get("fn");
            List<ResourceSampler.Point> postgres = sampler.series().get("postgresql");
            assertEquals(12, function.size(), "the first sample is the baseline");
            assertEquals(12, postgres.size());
            assertTrue(function.stream().mapToDouble(ResourceSampler.Point::cpuPercent).sum() > 0, "the busy JVM used CPU");
            assertTrue(postgres.stream().allMatch(point -> point.memoryBytes() > 0), "PSS carried between readings: " + postgres);
        } finally {
            child.destroy();
        }
    }

    private static void busyFor(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        long spin = 0;
        while (System.nanoTime() < until) {
            spin++;
        }
        assertTrue(spin > 0);
    }
}
