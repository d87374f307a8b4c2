package de.lagebild.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory with the stack's pid files ({@code <name>.pid}, as infra/start.sh writes them):
 * {@code lagebild.run.dir}, which infra/bench.sh sets from BENCH_RUN_DIR, else .local/run.
 */
public final class RunDirectory {

    private RunDirectory() {
    }

    public static Path path() {
        return Path.of(System.getProperty("lagebild.run.dir", ".local/run"));
    }

    /** The pid of one process of the stack, -1 when it has no readable pid file. */
    public static long pid(String name) {
        return readPid(path().resolve(name + ".pid"));
    }

    /** The pid in a pid file's first line, -1 when there is none. */
    static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException missing) {
            return -1;
        }
    }
}
