package de.lagebild.layers.imports;

/**
 * A feature's geometry as the source wrote it: GeoJSON text or a GML fragment, in the CRS the data
 * named ({@code crs}), or null when it named none and the layer's declared CRS applies.
 */
public record SourceGeometry(SourceFormat format, String text, SourceCrs crs) {
}
