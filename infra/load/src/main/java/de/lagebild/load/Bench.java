package de.lagebild.load;

import de.lagebild.load.report.BenchRun;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs one benchmark scenario against the running local stack (infra/start.sh). A scenario
 * named `positions` is the class `de.lagebild.load.positions.PositionsBenchmark`, a
 * {@link Scenario} with a public no-argument constructor; the remaining arguments go to it.
 * Every run also prints the stack's resource figures and writes an HTML report (see {@link BenchRun}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: infra/bench.sh SCENARIO [ARGS...]  (chat, alarm, push, search, positions, layers, media, operation)");
            System.exit(2);
        }
        String name = args[0].toLowerCase(Locale.ROOT);
        String className = "de.lagebild.load." + name + "." + Character.toUpperCase(name.charAt(0))
                + name.substring(1) + "Benchmark";
        Scenario scenario = (Scenario) Class.forName(className).getDeclaredConstructor().newInstance();
        String[] scenarioArgs = Arrays.copyOfRange(args, 1, args.length);
        BenchRun run = BenchRun.start(name, scenarioArgs);
        Throwable failure = null;
        try {
            scenario.run(scenarioArgs);
        } catch (Exception | Error e) {
            failure = e;
        } finally {
            run.finish();
        }
        // Said here and ended here: left to exec:java, a failure is reported only once every
        // non-daemon thread (the scenario's HTTP and Vert.x clients) has ended, which may be never.
        if (failure != null) {
            System.err.println("benchmark failed:");
            failure.printStackTrace();
        }
        System.exit(failure == null ? 0 : 1);
    }
}
