package de.lagebild.common.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.problem.Problem;
import de.lagebild.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Areas are flat WGS 84 polygons; anything PostGIS would refuse is a 400 naming the position. */
class GeoJsonAreaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFlatPolygonPasses() throws Exception {
        assertThat(GeoJsonArea.validated("area", polygon("[10,53],[10.1,53],[10.1,53.1],[10,53]"))).contains("Polygon");
    }

    @Test
    void anAltitudeIsRefusedNamingThePosition() throws Exception {
        assertThatThrownBy(() -> GeoJsonArea.validated("area", polygon("[10,53,5],[10.1,53,5],[10.1,53.1,5],[10,53,5]")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.toProblem().errors())
                        .extracting(Problem.FieldError::field).containsExactly("area.coordinates[0][0]"));
    }

    private static JsonNode polygon(String ring) throws Exception {
        return JSON.readTree("{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}");
    }
}
