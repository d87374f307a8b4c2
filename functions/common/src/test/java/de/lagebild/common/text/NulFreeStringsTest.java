package de.lagebild.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A NUL in any string of a JSON body fails while reading, with the path of its field. */
class NulFreeStringsTest {

    record Fix(String note) {
    }

    record Batch(String name, List<Fix> fixes) {
    }

    private final ObjectMapper mapper = mapper();

    @Test
    void ordinaryTextIsRead() throws Exception {
        assertThat(mapper.readValue("{\"name\":\"Lage \\u00fc\",\"fixes\":[]}", Batch.class).name()).isEqualTo("Lage ü");
    }

    @Test
    void aNulIsRefusedWithThePathOfItsField() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"fixes\":[{\"note\":\"x\"},{\"note\":\"x\\u0000y\"}]}",
                Batch.class))
                .isInstanceOf(NulFreeStrings.NulCharacterException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPathReference()).contains("fixes").contains("[1]")
                        .contains("note"));
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new NulFreeStrings().customize(mapper);
        return mapper;
    }
}
