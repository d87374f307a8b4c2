package de.lagebild.common.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A purge statement that does not check the legal hold, or waits on rows another run holds, is refused. */
class PurgeStepTest {

    @Test
    void aStatementMustCheckTheHoldAndSkipLockedRows() {
        assertThatThrownBy(() -> new PurgeStep("messages",
                "delete from messages where id in (select id from messages where room_id = $2 limit $1 for update skip locked)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legal_holds");
        assertThatThrownBy(() -> new PurgeStep("messages", "delete from messages where id in (select id from messages"
                + " where room_id = $2 and " + PurgeStep.notHeld("$2") + " limit $1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PurgeStep("messages", "delete from messages where id in (select id from messages where room_id = $2"
                + " and " + PurgeStep.notHeld("$2") + " limit $1 for update skip locked)").kind()).isEqualTo("messages");
    }
}
