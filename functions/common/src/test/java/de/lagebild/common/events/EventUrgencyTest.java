package de.lagebild.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which events wake a phone at once, and that the payload is read only where the type alone does not decide. */
class EventUrgencyTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(EventType.ALARM_RAISED, null, true),
                Arguments.of(EventType.ALARM_RENOTIFIED, null, true),
                Arguments.of(EventType.ALARM_RESOLVED, null, false),
                Arguments.of(EventType.MESSAGE_CREATED, "{\"priority\":\"urgent\"}", true),
                Arguments.of(EventType.MESSAGE_CREATED, "{\"priority\":\"important\"}", false),
                Arguments.of(EventType.MESSAGE_CREATED, "{\"body\":\"Lage ruhig\"}", false),
                Arguments.of(EventType.ORDER_REMINDED, "{\"priority\":\"urgent\"}", true),
                Arguments.of(EventType.ORDER_REMINDED, "{\"priority\":\"normal\"}", false),
                Arguments.of(EventType.UNIT_STATUS_CHANGED, "{\"status\":{\"code\":\"0\",\"urgent\":true}}", true),
                Arguments.of(EventType.UNIT_STATUS_CHANGED, "{\"status\":{\"code\":\"2\",\"urgent\":false}}", false),
                Arguments.of(EventType.MESSAGE_EDITED, null, false),
                Arguments.of(null, null, false));
    }

    @ParameterizedTest
    @MethodSource("events")
    void decides(EventType type, String payload, boolean urgent) {
        assertThat(EventUrgency.isUrgent(type, () -> {
            assertThat(payload).as("payload read for %s", type).isNotNull();
            return new JsonObject(payload);
        })).isEqualTo(urgent);
    }
}
