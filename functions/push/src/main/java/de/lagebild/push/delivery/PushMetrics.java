package de.lagebild.push.delivery;

import de.lagebild.push.device.DeviceKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The push function's meters: {@code lagebild_push_attempts_total{priority,outcome}} (each answer of
 * a push service or gateway: sent, gone, retry, failed), {@code lagebild_push_delivery_seconds{priority}}
 * (event planned to push accepted), {@code lagebild_push_targets_removed_total{kind}} and
 * {@code lagebild_push_queue_age_seconds} (how long the oldest due push has waited).
 */
@ApplicationScoped
public class PushMetrics {

    private final MeterRegistry registry;
    private final AtomicLong queueAgeMillis = new AtomicLong();

    public PushMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("lagebild.push.queue.age.seconds", queueAgeMillis, millis -> millis.get() / 1000.0)
                .description("How long the oldest due push has been waiting")
                .register(registry);
    }

    void attempt(Priority priority, SendOutcome.Kind outcome) {
        Counter.builder("lagebild.push.attempts")
                .description("Pushes handed to a push service or gateway, by priority and answer")
                .tag("priority", priority.wireName())
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    void delivered(Priority priority, Duration sincePlanned) {
        Timer.builder("lagebild.push.delivery")
                .description("From a push's planning to its acceptance by the push service or gateway")
                .tag("priority", priority.wireName())
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(sincePlanned);
    }

    void targetRemoved(DeviceKind kind) {
        Counter.builder("lagebild.push.targets.removed")
                .description("Devices removed because their push service or gateway no longer knows them")
                .tag("kind", kind.wireName())
                .register(registry)
                .increment();
    }

    void queueAge(Duration age) {
        queueAgeMillis.set(age.toMillis());
    }
}
