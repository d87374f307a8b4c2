package de.lagebild.common.positions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.lagebild.common.bus.Bus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payloads of the `positions` channel: compact, complete, each under the bus limit. */
class PositionPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aFewFixesAndGoneUsersFitInOnePayloadWithoutEmptyOrAbsentValues() throws IOException {
        UUID moved = UUID.randomUUID();
        UUID paused = UUID.randomUUID();
        List<String> payloads = PositionPayloads.split(JSON,
                List.of(new BusFix(moved, 53.55, 9.99, 5.0, null, null, Instant.parse("2026-11-26T17:00:00Z"))),
                List.of(paused), Bus.MAX_PAYLOAD_BYTES);
        assertThat(payloads).containsExactly("{\"fixes\":[{\"u\":\"" + moved
                + "\",\"lat\":53.55,\"lon\":9.99,\"acc\":5.0,\"t\":\"2026-11-26T17:00:00Z\"}],\"gone\":[\"" + paused + "\"]}");
        assertThat(PositionPayloads.split(JSON, List.of(), List.of(paused), Bus.MAX_PAYLOAD_BYTES))
                .containsExactly("{\"gone\":[\"" + paused + "\"]}");
        assertThat(PositionPayloads.split(JSON, List.of(), List.of(), Bus.MAX_PAYLOAD_BYTES)).isEmpty();
    }

    @Test
    void manyFixesAreSplitIntoPayloadsUnderTheLimitThatTogetherHoldEveryOne() throws IOException {
        List<BusFix> fixes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            fixes.add(new BusFix(UUID.randomUUID(), 53.5 + i * 1e-5, 9.9 + i * 1e-5, 4.5, 271.25, 12.5,
                    Instant.parse("2026-11-26T17:00:00.123456Z")));
        }
        List<UUID> gone = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            gone.add(UUID.randomUUID());
        }
        List<String> payloads = PositionPayloads.split(JSON, fixes, gone, Bus.MAX_PAYLOAD_BYTES);

        assertThat(payloads.size()).isGreaterThan(20);
        Set<String> seenFixes = new HashSet<>();
        Set<String> seenGone = new HashSet<>();
        for (String payload : payloads) {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Bus.MAX_PAYLOAD_BYTES);
            JsonNode json = JSON.readTree(payload);
            json.path("fixes").forEach(fix -> seenFixes.add(fix.get("u").asText()));
            json.path("gone").forEach(user -> seenGone.add(user.asText()));
            assertThat(payload).doesNotContain("[]");
        }
        assertThat(seenFixes).hasSize(2_000);
        assertThat(seenGone).hasSize(300);
    }
}
