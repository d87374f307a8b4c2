package de.lagebild.positions.geojson;

/** A GeoJSON geometry (RFC 7946) in WGS 84; positions are longitude first. */
public sealed interface Geometry permits Point, LineString {

    String type();
}
