package de.lagebild.load.fault;

import de.lagebild.load.ScenarioArgs;
import java.io.IOException;

/** Breaks and mends the isolated stack through {@code infra/fault.sh inject|heal FAULT}. */
final class FaultControl {

    private final String script;
    private final String fault;

    FaultControl(ScenarioArgs args, String fault) {
        this.script = args.string("fault-script", "infra/fault.sh");
        this.fault = fault;
    }

    /** Breaks it. */
    void inject() throws IOException, InterruptedException {
        run("inject");
    }

    /** Mends it; returns System.nanoTime() when the command returned (the part is started again). */
    long heal() throws IOException, InterruptedException {
        return run("heal");
    }

    private long run(String action) throws IOException, InterruptedException {
        System.out.printf("%s %s at %s%n", action, fault, java.time.LocalTime.now().withNano(0));
        Process process = new ProcessBuilder(script, action, fault).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " " + action + " " + fault + " failed");
        }
        return System.nanoTime();
    }
}
