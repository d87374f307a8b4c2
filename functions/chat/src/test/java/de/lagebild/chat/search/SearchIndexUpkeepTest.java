package de.lagebild.chat.search;

import static de.lagebild.chat.search.SearchSteps.bodies;
import static de.lagebild.chat.search.SearchSteps.tag;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The search index's pending list is merged by chat in the background, not by the sends that fill it. */
@QuarkusTest
class SearchIndexUpkeepTest {

    private static final String LEAD = "lead2";
    private static final String OFFICER = "officer3";

    @Inject
    MeterRegistry metrics;

    @Inject
    Pool pool;

    @Test
    void chatMergesWhatSendsAddedAndTheMessagesAreFoundBeforeAndAfter() {
        String chat = createChat(LEAD, openRoom(LEAD, OFFICER), OFFICER);
        String tag = tag();
        double mergedBefore = mergedPages();
        IntStream.range(0, 20).forEach(i -> sendText(OFFICER, chat, "Streife " + i + " an der Kreuzung " + tag));
        assertThat(bodies(LEAD, Map.of("q", "Kreuzung " + tag))).hasSize(20);

        await().atMost(Duration.ofSeconds(10)).until(() -> mergedPages() > mergedBefore);
        assertThat(bodies(LEAD, Map.of("q", "Kreuzung " + tag))).hasSize(20);
    }

    @Test
    void theListsOwnLimitIsRaisedTo64MegabytesAsABackstopOnly() {
        String options = pool.query("select array_to_string(reloptions, ',') from pg_class where relname = 'messages_search'")
                .execute().await().indefinitely().iterator().next().getString(0);
        assertThat(options).contains("gin_pending_list_limit=65536");
    }

    private double mergedPages() {
        return metrics.get("lagebild.search.index.merged.pages").counter().count();
    }
}
