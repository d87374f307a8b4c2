package de.lagebild.layers.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Streams the features of a GeoJSON FeatureCollection: only one feature is in memory at a time.
 * A named {@code crs} member (GeoJSON 2008) gives the CRS; without one, the layer's declared CRS
 * applies, and without that WGS 84 (RFC 7946).
 */
final class GeoJsonFeatureSource implements FeatureSource {

    private final ObjectMapper json;
    private final JsonParser parser;
    private SourceCrs documentCrs;
    private boolean inFeatures;
    private boolean sawFeatures;
    private boolean sawType;
    private int number;

    GeoJsonFeatureSource(Path file, ObjectMapper json) {
        this.json = json;
        try {
            this.parser = json.getFactory().createParser(file.toFile());
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ImportFailure.content("GeoJSON: the document is not an object");
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SourceFeature next() {
        try {
            while (true) {
                if (inFeatures) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inFeatures = false;
                        continue;
                    }
                    return feature(++number, json.readTree(parser));
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    return end();
                }
                if (token != JsonToken.FIELD_NAME) {
                    throw ImportFailure.content("GeoJSON: the document ends too early");
                }
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "type" -> checkType(parser.getValueAsString());
                    case "crs" -> documentCrs = crsOf(json.readTree(parser));
                    case "features" -> startFeatures();
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceFeature end() {
        if (!sawType || !sawFeatures) {
            throw ImportFailure.content("GeoJSON: the document is not a FeatureCollection with a features array");
        }
        return null;
    }

    private void checkType(String type) {
        if (!"FeatureCollection".equals(type)) {
            throw ImportFailure.content("GeoJSON: expected a FeatureCollection, found type '" + type + "'");
        }
        sawType = true;
    }

    private void startFeatures() {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ImportFailure.content("GeoJSON: features must be an array");
        }
        inFeatures = true;
        sawFeatures = true;
    }

    private SourceCrs crsOf(JsonNode crs) {
        if (number > 0) {
            throw ImportFailure.content("GeoJSON: the crs member must come before the features");
        }
        if (crs.isNull()) {
            return null;
        }
        String name = crs.path("properties").path("name").asText(null);
        if (!"name".equals(crs.path("type").asText()) || name == null) {
            throw ImportFailure.content("GeoJSON: only a named crs member is supported");
        }
        return SourceCrs.parse(name).orElseThrow(() -> ImportFailure.content("unknown CRS '" + name + "'"));
    }

    private SourceFeature feature(int n, JsonNode feature) {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            return SourceFeature.rejected(n, null, "not a GeoJSON Feature");
        }
        JsonNode id = feature.get("id");
        String externalId = id == null || !id.isValueNode() || id.isNull() ? null : id.asText();
        JsonNode properties = feature.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            return SourceFeature.rejected(n, externalId, "properties must be an object or null");
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) {
            return SourceFeature.rejected(n, externalId, "no geometry");
        }
        if (!geometry.isObject()) {
            return SourceFeature.rejected(n, externalId, "geometry must be an object");
        }
        String propertiesJson = properties == null || properties.isNull() ? "{}" : properties.toString();
        return SourceFeature.of(n, externalId, propertiesJson,
                new SourceGeometry(SourceFormat.GEOJSON, geometry.toString(), documentCrs));
    }

    private static ImportFailure malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return ImportFailure.content("malformed GeoJSON" + where + ": " + e.getOriginalMessage());
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
