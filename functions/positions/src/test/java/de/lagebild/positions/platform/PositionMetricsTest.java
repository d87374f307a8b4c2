package de.lagebild.positions.platform;

import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static de.lagebild.positions.testing.Fixes.send;
import static org.hamcrest.Matchers.containsString;

import de.lagebild.common.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Ingest shows in the function's metrics: fixes by outcome, and the writer's queue. */
@QuarkusTest
class PositionMetricsTest {

    @Test
    void fixesByOutcomeAndTheQueueAreMetrics() {
        send("officer4", batch(fix(53.5, 9.9, Instant.now()), fix(95, 9.9, Instant.now()))).then().statusCode(200);
        ManagementInterface.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("lagebild_positions_fixes_total{outcome=\"stored\"}"))
                .body(containsString("lagebild_positions_fixes_total{outcome=\"rejected\"}"))
                .body(containsString("lagebild_positions_queued_fixes"));
    }
}
