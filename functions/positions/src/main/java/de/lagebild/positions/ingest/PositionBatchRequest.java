package de.lagebild.positions.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A batch of fixes. The fixes are read one by one (as JSON trees) so that a malformed fix is
 * rejected alone and the valid rest is still stored.
 */
public record PositionBatchRequest(
        @Schema(type = SchemaType.ARRAY, implementation = FixRequest.class, minItems = 1, required = true,
                description = "The fixes, oldest first or in any order")
        List<JsonNode> fixes) {
}
