package de.lagebild.load.positions;

import de.lagebild.load.report.ProcCpu;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time from /proc: the whole machine, the PostgreSQL processes, and named processes (the
 * functions' JVMs, the load generator itself).
 * Linux counts in clock ticks of 10 ms (USER_HZ 100). PostgreSQL is summed per process over
 * the processes that lived through the window, so backends of other clients that end meanwhile
 * do not distort it.
 */
final class CpuMeter {

    private static final double TICK_SECONDS = 0.01;

    /** CPU ticks so far: the machine (busy and all), each PostgreSQL process, each named process. */
    record Sample(long machineBusy, long machineTotal, Map<Long, Long> postgres, Map<Long, Boolean> ownDb,
            Map<String, Long> processes) {
    }

    /** CPU seconds used between two samples; a named process is absent when it was not measured. */
    record Usage(double machineBusy, double machineTotal, double postgres, double postgresOwnDb,
            Map<String, Double> processes) {

        static Usage between(Sample before, Sample after) {
            double postgres = 0;
            double ownDb = 0;
            for (Map.Entry<Long, Long> process : after.postgres().entrySet()) {
                Long earlier = before.postgres().get(process.getKey());
                double used = (process.getValue() - (earlier == null ? 0 : earlier)) * TICK_SECONDS;
                postgres += used;
                if (after.ownDb().get(process.getKey())) {
                    ownDb += used;
                }
            }
            Map<String, Double> processes = new LinkedHashMap<>();
            after.processes().forEach((name, ticks) -> processes.put(name,
                    (ticks - before.processes().getOrDefault(name, ticks)) * TICK_SECONDS));
            return new Usage((after.machineBusy() - before.machineBusy()) * TICK_SECONDS,
                    (after.machineTotal() - before.machineTotal()) * TICK_SECONDS, postgres, ownDb, processes);
        }
    }

    private final Map<String, Long> pids;
    private final String database;

    /** Measures the processes with the given pids (a pid of 0 is left out). */
    CpuMeter(Map<String, Long> pids, String database) {
        this.pids = pids;
        this.database = database;
    }

    Sample sample() throws IOException {
        ProcCpu.MachineTicks machine = ProcCpu.machine();
        Map<Long, Long> postgres = new HashMap<>();
        Map<Long, Boolean> ownDb = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).trim())) {
                        long pid = Long.parseLong(process.getFileName().toString());
                        postgres.put(pid, ProcCpu.process(process));
                        ownDb.put(pid, servesDatabase(process));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        Map<String, Long> processes = new LinkedHashMap<>();
        for (Map.Entry<String, Long> named : pids.entrySet()) {
            if (named.getValue() > 0) {
                processes.put(named.getKey(), ProcCpu.process(named.getValue()));
            }
        }
        return new Sample(machine.busy(), machine.total(), postgres, ownDb, processes);
    }

    /** A backend's title reads `postgres: 15/main: USER DATABASE HOST(PORT) STATE`. */
    private boolean servesDatabase(Path process) throws IOException {
        String[] title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim().split("\\s+");
        return title.length >= 4 && title[0].equals("postgres:") && title[3].equals(database);
    }
}
