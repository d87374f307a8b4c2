package de.lagebild.load.positions;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time from /proc: the whole machine, all PostgreSQL processes, and the function's JVM.
 * Linux counts in clock ticks of 10 ms (USER_HZ 100).
 */
final class CpuMeter {

    private static final double TICK_SECONDS = 0.01;

    /**
     * CPU seconds used so far: the machine (busy and all), all PostgreSQL processes, the backends
     * serving the benchmark's database (other databases on the server may be busy with other work),
     * and the function.
     */
    record Sample(double machineBusy, double machineTotal, double postgres, double postgresOwnDb, double function) {

        Sample minus(Sample before) {
            return new Sample(machineBusy - before.machineBusy, machineTotal - before.machineTotal,
                    postgres - before.postgres, postgresOwnDb - before.postgresOwnDb, function - before.function);
        }
    }

    private final long functionPid;
    private final String database;

    CpuMeter(long functionPid, String database) {
        this.functionPid = functionPid;
        this.database = database;
    }

    Sample sample() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        double postgres = 0;
        double ownDb = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).trim())) {
                        double used = ticks(process);
                        postgres += used;
                        if (servesDatabase(process)) {
                            ownDb += used;
                        }
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        double function = functionPid > 0 ? ticks(Path.of("/proc", Long.toString(functionPid))) : 0;
        return new Sample((total - idle) * TICK_SECONDS, total * TICK_SECONDS, postgres * TICK_SECONDS,
                ownDb * TICK_SECONDS, function * TICK_SECONDS);
    }

    /** A backend's title reads `postgres: 15/main: USER DATABASE HOST(PORT) STATE`. */
    private boolean servesDatabase(Path process) throws IOException {
        String[] title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim().split("\\s+");
        return title.length >= 4 && title[0].equals("postgres:") && title[3].equals(database);
    }

    /** utime + stime of a process, in ticks. */
    private static double ticks(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        // after "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }
}
