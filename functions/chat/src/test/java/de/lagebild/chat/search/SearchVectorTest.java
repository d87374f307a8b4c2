package de.lagebild.chat.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search vector as PL/pgSQL (V26) is the vector V19 defined as SQL expressions: the same words,
 * weights and positions for German and English text, umlauts, ß, plates and no text at all.
 */
@QuarkusTest
class SearchVectorTest {

    private static final String SEARCH_VECTOR = "select search_vector($1, $2::text::\"char\")::text";
    private static final String SEARCH_FOLD = "select search_fold($1)";

    /** V19's search_fold() and search_vector(), written out. */
    private static final String AS_V19_DEFINED = """
            select setweight(to_tsvector('lagebild_german', coalesce(f, '')) || to_tsvector('lagebild_english', coalesce(f, '')),
                             $2::text::"char")::text
              from (select replace(replace(replace(public.unaccent('public.unaccent'::regdictionary, lower($1)),
                                                   'ae', 'a'), 'oe', 'o'), 'ue', 'u') as f) folded""";

    @Inject
    Pool pool;

    @ParameterizedTest
    @ValueSource(strings = {"Lage am Hauptbahnhof: Fahrzeug HH-AB 1234 gesichtet, Zufahrt Ost freihalten",
            "Herr Müller aus der Kreuzstraße", "Juergen Mueller, Strasse", "Óscar's units are running to the station",
            "Lage_Hauptbahnhof.pdf", ""})
    void isTheVectorAsV19DefinedIt(String text) {
        for (String weight : new String[] {"A", "B"}) {
            assertThat(textOf(SEARCH_VECTOR, text, weight))
                    .isEqualTo(textOf(AS_V19_DEFINED, text, weight))
                    .isNotNull();
        }
    }

    @Test
    void noTextIsAnEmptyVector() {
        assertThat(textOf(SEARCH_VECTOR, null, "A")).isEmpty();
        assertThat(textOf(SEARCH_FOLD, null, null)).isNull();
    }

    @Test
    void foldsAsTypedAndAsTransliteratedToOneForm() {
        String[] folded = Arrays.stream(new String[] {"Straße", "Strasse", "Müller", "Mueller", "MÜLLER"})
                .map(word -> textOf(SEARCH_FOLD, word, null)).toArray(String[]::new);
        assertThat(folded).containsExactly("strasse", "strasse", "muller", "muller", "muller");
    }

    /** The one text column the statement answers, for the text and, where the statement takes one, the weight. */
    private String textOf(String sql, String text, String weight) {
        Tuple values = weight == null ? Tuple.of(text) : Tuple.of(text, weight);
        Row row = pool.preparedQuery(sql).execute(values).await().indefinitely().iterator().next();
        return row.getString(0);
    }
}
