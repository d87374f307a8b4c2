package de.lagebild.positions.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No user's moves, an alarm raiser's included, are coalesced for longer than two seconds. */
class PublishIntervalTest {

    @Test
    void anIntervalUpToTwoSecondsIsTakenALongerOneIsRefusedAtStartUp() {
        assertThat(PositionPublisher.intervalMillis(Duration.ofMillis(250))).isEqualTo(250);
        assertThat(PositionPublisher.intervalMillis(Duration.ofSeconds(2))).isEqualTo(2000);
        assertThatThrownBy(() -> PositionPublisher.intervalMillis(Duration.ofMillis(2001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2s");
    }
}
