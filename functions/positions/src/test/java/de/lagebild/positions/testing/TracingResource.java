package de.lagebild.positions.testing;

import de.lagebild.common.testing.OtlpTraceReceiver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Turns tracing on for every test of this function, exporting to an {@link OtlpTraceReceiver}: the function
 * is tested as a cluster with a collector runs it. Global, so that it costs no second start of Quarkus.
 */
public final class TracingResource implements QuarkusTestResourceLifecycleManager {

    private static volatile OtlpTraceReceiver receiver;

    public static OtlpTraceReceiver receiver() {
        return receiver;
    }

    @Override
    public Map<String, String> start() {
        try {
            receiver = new OtlpTraceReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.endpoint", receiver.endpoint(),
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        receiver.close();
    }
}
