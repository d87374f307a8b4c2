package de.lagebild.layers.imports;

/**
 * One feature read from a source, numbered from 1 in source order. {@code problem} says why it
 * cannot be stored when that is clear before PostGIS sees it (no geometry, not a feature).
 */
public record SourceFeature(int number, String externalId, String propertiesJson, SourceGeometry geometry, String problem) {

    public static SourceFeature of(int number, String externalId, String propertiesJson, SourceGeometry geometry) {
        return new SourceFeature(number, externalId, propertiesJson, geometry, null);
    }

    public static SourceFeature rejected(int number, String externalId, String problem) {
        return new SourceFeature(number, externalId, null, null, problem);
    }
}
