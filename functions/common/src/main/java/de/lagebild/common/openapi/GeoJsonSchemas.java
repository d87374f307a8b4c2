package de.lagebild.common.openapi;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The GeoJSON geometries an operation area may be (RFC 7946: a Polygon or MultiPolygon in WGS 84,
 * longitude first, closed rings of at least four positions, no altitude), as {@code GeoJsonArea}
 * checks them. A field refers to it with {@code @Schema(ref = GeoJsonSchemas.AREA)}.
 */
public final class GeoJsonSchemas {

    public static final String AREA = "GeoJsonArea";
    static final String AREA_REF = "#/components/schemas/" + AREA;
    static final String POLYGON = "GeoJsonPolygon";
    static final String MULTI_POLYGON = "GeoJsonMultiPolygon";

    private GeoJsonSchemas() {
    }

    static void addTo(Components components) {
        components.addSchema(POLYGON, geometry("Polygon", polygonCoordinates()));
        components.addSchema(MULTI_POLYGON, geometry("MultiPolygon", array(polygonCoordinates(), 1)));
        components.addSchema(AREA, OASFactory.createSchema()
                .description("A GeoJSON Polygon or MultiPolygon in WGS 84 (RFC 7946)")
                .oneOf(List.of(OASFactory.createSchema().ref(POLYGON), OASFactory.createSchema().ref(MULTI_POLYGON))));
    }

    private static Schema geometry(String type, Schema coordinates) {
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .addProperty("type", OASFactory.createSchema().type(List.of(SchemaType.STRING)).constValue(type))
                .addProperty("coordinates", coordinates)
                .required(List.of("type", "coordinates"));
    }

    /** Rings: the outer boundary first, then holes; each closed (its first position is its last). */
    private static Schema polygonCoordinates() {
        return array(array(position(), 4), 1);
    }

    private static Schema position() {
        return OASFactory.createSchema().type(List.of(SchemaType.ARRAY))
                .description("[longitude, latitude]")
                .prefixItems(List.of(number(-180, 180), number(-90, 90)))
                .minItems(2)
                .maxItems(2);
    }

    private static Schema number(int minimum, int maximum) {
        return OASFactory.createSchema().type(List.of(SchemaType.NUMBER))
                .minimum(BigDecimal.valueOf(minimum))
                .maximum(BigDecimal.valueOf(maximum));
    }

    private static Schema array(Schema items, int minItems) {
        return OASFactory.createSchema().type(List.of(SchemaType.ARRAY)).items(items).minItems(minItems);
    }
}
