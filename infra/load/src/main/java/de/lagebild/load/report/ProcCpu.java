package de.lagebild.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time from /proc, in clock ticks (Linux counts 100 a second). */
public final class ProcCpu {

    /** Milliseconds per clock tick (USER_HZ 100). */
    public static final long TICK_MILLIS = 10;

    private ProcCpu() {
    }

    /** The machine's ticks so far, all cores: busy (everything but idle and iowait) and in total. */
    public record MachineTicks(long busy, long total) {
    }

    public static MachineTicks machine() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        long idle = 0;
        // user nice system idle iowait irq softirq steal; guest time is already counted in user.
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            long ticks = Long.parseLong(fields[i]);
            total += ticks;
            if (i == 4 || i == 5) {
                idle += ticks;
            }
        }
        return new MachineTicks(total - idle, total);
    }

    /** utime + stime of a process. */
    public static long process(long pid) throws IOException {
        return process(Path.of("/proc", Long.toString(pid)));
    }

    /** utime + stime of the process with this /proc directory. */
    public static long process(Path procDirectory) throws IOException {
        List<String> fields = statFields(procDirectory);
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }

    /** The fields of /proc/PID/stat after "pid (comm) ": index 0 is the state, 1 the parent, 11 utime. */
    public static List<String> statFields(Path procDirectory) throws IOException {
        String stat = Files.readString(procDirectory.resolve("stat"));
        return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    }

    /** The machine's load average over the last minute ("?" when unreadable): other work on the cores shows in the figures. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
