package de.lagebild.layers.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.GeneratedFeatures;
import de.lagebild.layers.testing.Layers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Readers during an import see the old layer or the new one, never a part: while a large import
 * replaces generation "old" (1,500 features) by "new" (30,000), every query answers all-old and
 * complete, or all-new.
 */
@QuarkusTest
class AtomicReplaceTest {

    static final int OLD = 1_500;
    static final int NEW = 30_000;
    static final int LIMIT = 2_000;
    static final String CITY = "9.85,53.45,10.15,53.65";

    @Test
    void queriesDuringAnImportNeverSeeAPartialLayer() {
        String layer = Layers.upload("atomic", null);
        Layers.importData(layer, GeneratedFeatures.points(OLD, "old"), "application/geo+json", null)
                .then().statusCode(200).body("stored", is(OLD));
        String token = Tokens.of("officer5");
        byte[] replacement = GeneratedFeatures.points(NEW, "new");

        CompletableFuture<Integer> importing = CompletableFuture.supplyAsync(() ->
                Layers.importData(layer, replacement, "application/geo+json", null).then().extract().statusCode());
        List<String> seen = new ArrayList<>();
        int duringImport = 0;
        while (!importing.isDone() || seen.isEmpty() || !seen.get(seen.size() - 1).equals("new")) {
            boolean running = !importing.isDone();
            seen.add(readOnce(layer, token));
            duringImport += running ? 1 : 0;
        }
        assertThat(importing.join()).isEqualTo(200);
        assertThat(duringImport).as("queries ran while the import ran").isGreaterThan(3);
        assertThat(seen).first().isEqualTo("old");
        assertThat(seen).last().isEqualTo("new");
        assertThat(seen.indexOf("new")).as("once new, never old again").isEqualTo(seen.size() - countNew(seen));
    }

    /** One query: "old" when it saw the complete old layer, "new" when it saw the new one; fails on anything else. */
    private static String readOnce(String layer, String token) {
        JsonPath page = given().auth().oauth2(token).queryParam("bbox", CITY).queryParam("limit", LIMIT)
                .when().get("/v1/layers/" + layer + "/features")
                .then().statusCode(200).extract().jsonPath();
        Set<String> generations = new HashSet<>(page.getList("features.properties.generation"));
        int count = page.getList("features").size();
        if (generations.equals(Set.of("old"))) {
            assertThat(count).as("the old layer, complete").isEqualTo(OLD);
            assertThat(page.getBoolean("truncated")).isFalse();
            return "old";
        }
        assertThat(generations).as("a mix or an empty layer would be a partial import").isEqualTo(Set.of("new"));
        assertThat(count).isEqualTo(LIMIT);
        assertThat(page.getBoolean("truncated")).isTrue();
        return "new";
    }

    private static int countNew(List<String> seen) {
        return (int) seen.stream().filter("new"::equals).count();
    }
}
