package de.lagebild.load.fault;

import de.lagebild.load.Scenario;
import de.lagebild.load.report.BenchRun;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fault runs, each against the isolated stack that infra/fault.sh starts and breaks:
 * {@code infra/fault.sh chat-kill|postgres-restart|s3-stop|keycloak-stop|slow-consumer|all}.
 * The first argument names the fault, the rest are the scenario's {@code name=value} options.
 */
public final class FaultBenchmark implements Scenario {

    private static final Map<String, Supplier<Scenario>> FAULTS = Map.of(
            "chat-kill", ChatKillFault::new,
            "postgres-restart", PostgresRestartFault::new,
            "s3-stop", S3StopFault::new,
            "keycloak-stop", KeycloakStopFault::new,
            "slow-consumer", SlowConsumerFault::new);

    @Override
    public void run(String[] args) throws Exception {
        Supplier<Scenario> fault = args.length == 0 ? null : FAULTS.get(args[0]);
        if (fault == null) {
            throw new IllegalArgumentException("usage: fault " + String.join("|", FAULTS.keySet()) + " [name=value...]");
        }
        BenchRun.name("fault-" + args[0]);
        fault.get().run(Arrays.copyOfRange(args, 1, args.length));
    }
}
