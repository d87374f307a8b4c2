package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenTheSteadyRate() {
        FrameBudget budget = new FrameBudget(3, 2, 0);
        assertThat(budget.take(0)).isTrue();
        assertThat(budget.take(0)).isTrue();
        assertThat(budget.take(0)).isTrue();
        assertThat(budget.take(0)).isFalse();

        assertThat(budget.take(SECOND / 2)).isTrue();
        assertThat(budget.take(SECOND / 2)).isFalse();
        assertThat(budget.take(10 * SECOND)).isTrue();
        assertThat(budget.take(10 * SECOND)).isTrue();
        assertThat(budget.take(10 * SECOND)).isTrue();
        assertThat(budget.take(10 * SECOND)).isFalse();
    }
}
