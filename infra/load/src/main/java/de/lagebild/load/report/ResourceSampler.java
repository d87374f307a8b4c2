package de.lagebild.load.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RSS and CPU of the stack's processes, read from /proc once a second: each process whose pid
 * file is in the run directory ({@code .local/run/<fn>.pid}: the functions, Keycloak, s3proxy), and PostgreSQL as the postmaster of
 * one cluster with all its children (summed; their memory as PSS, so shared buffers count once).
 * CPU is in percent of one core over the sampling interval (Linux counts 100 ticks a second).
 * The sampler shares the cores with what it measures, so a sample reads /proc's process list once,
 * and PostgreSQL's PSS (the kernel walks every backend's page tables for it) every tenth sample.
 */
public final class ResourceSampler {

    private static final double TICKS_PER_SECOND = 100;
    private static final long PAGE_BYTES = 4096;
    private static final int SAMPLES_PER_PSS = 10;

    /** What one process group used in one interval. */
    public record Point(double seconds, double cpuPercent, long memoryBytes) {
    }

    private final Path runDir;
    private final Path postmasterPid;
    private final Map<String, List<Point>> series = new LinkedHashMap<>();
    private final Map<String, Map<Long, Long>> lastTicks = new HashMap<>();
    private long lastNanos;
    private int samples;
    private long postgresMemory;
    private final long startNanos = System.nanoTime();

    public ResourceSampler(Path runDir, Path postmasterPid) {
        this.runDir = runDir;
        this.postmasterPid = postmasterPid;
    }

    /** The time series per process group, in the order they were first seen. */
    public synchronized Map<String, List<Point>> series() {
        Map<String, List<Point>> copy = new LinkedHashMap<>();
        series.forEach((name, points) -> copy.put(name, List.copyOf(points)));
        return copy;
    }

    /** Takes one sample of every group; the first call only sets the baseline of the CPU counters. */
    public synchronized void sample() {
        long now = System.nanoTime();
        double interval = (now - lastNanos) / 1e9;
        boolean baseline = lastNanos == 0;
        lastNanos = now;
        boolean readPss = samples++ % SAMPLES_PER_PSS == 0;
        Map<Long, List<Long>> children = childrenByParent();
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        for (String function : functionNames()) {
            long pid = RunDirectory.readPid(runDir.resolve(function + ".pid"));
            if (pid > 0 && Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
                groups.put(function, withChildren(pid, children));  // kc.sh starts Keycloak's JVM as its child
            }
        }
        long postmaster = RunDirectory.readPid(postmasterPid);
        if (postmaster > 0) {
            groups.put("postgresql", withChildren(postmaster, children));
        }
        for (Map.Entry<String, List<Long>> group : groups.entrySet()) {
            Map<Long, Long> before = lastTicks.getOrDefault(group.getKey(), Map.of());
            Map<Long, Long> after = new HashMap<>();
            long usedTicks = 0;
            long memory = 0;
            boolean postgres = group.getKey().equals("postgresql");
            for (long pid : group.getValue()) {
                try {
                    long ticks = ProcCpu.process(pid);
                    after.put(pid, ticks);
                    // a new PostgreSQL backend used all its ticks in this interval; a restarted process starts a new baseline
                    usedTicks += ticks - before.getOrDefault(pid, postgres ? 0L : ticks);
                    if (!postgres) {
                        memory += rss(pid);
                    } else if (readPss) {
                        memory += pss(pid);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            if (postgres) {
                if (readPss) {
                    postgresMemory = memory;
                }
                memory = postgresMemory;  // between PSS readings, the last one
            }
            lastTicks.put(group.getKey(), after);
            if (!baseline && !before.isEmpty()) {
                series.computeIfAbsent(group.getKey(), k -> new ArrayList<>()).add(new Point(
                        (now - startNanos) / 1e9, 100 * usedTicks / TICKS_PER_SECOND / interval, memory));
            }
        }
    }

    private List<String> functionNames() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path pid : pids) {
                names.add(pid.getFileName().toString().replace(".pid", ""));
            }
        } catch (IOException missing) {
            return names;
        }
        names.sort(null);
        return names;
    }

    private static List<Long> withChildren(long parent, Map<Long, List<Long>> children) {
        List<Long> pids = new ArrayList<>(List.of(parent));
        pids.addAll(children.getOrDefault(parent, List.of()));
        return pids;
    }

    /** Every process's children, from one pass over /proc. */
    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    long parent = Long.parseLong(ProcCpu.statFields(process).get(1));
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(Long.parseLong(process.getFileName().toString()));
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            return children;
        }
        return children;
    }

    private static long rss(long pid) throws IOException {
        String[] statm = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).trim().split(" ");
        return Long.parseLong(statm[1]) * PAGE_BYTES;
    }

    private static long pss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
