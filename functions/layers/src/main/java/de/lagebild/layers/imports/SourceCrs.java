package de.lagebild.layers.imports;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source CRS as the data or the layer names it. {@code authorityAxisOrder} is set for the URN and
 * OGC http URI forms, which promise the EPSG axis order: latitude first for geographic CRSs such
 * as EPSG:4326 (WFS 1.1/2.0). The short form {@code EPSG:4326} and GML 2's
 * {@code http://www.opengis.net/gml/srs/epsg.xml#4326} keep longitude first, as servers write them.
 */
public record SourceCrs(int srid, boolean authorityAxisOrder) {

    public static final SourceCrs WGS84_LON_LAT = new SourceCrs(4326, false);

    private static final Pattern SHORT = Pattern.compile("epsg:(\\d{1,6})");
    private static final Pattern URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:epsg:[0-9.]*:(\\d{1,6})");
    private static final Pattern HTTP_URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/(\\d{1,6})");
    private static final Pattern GML2 = Pattern.compile("https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#(\\d{1,6})");
    private static final Pattern CRS84 = Pattern.compile(
            "crs84|urn:ogc:def:crs:ogc:[0-9.]*:crs84|https?://www\\.opengis\\.net/def/crs/ogc/[0-9.]+/crs84");

    /** The CRS a name stands for, or empty when the name is of no form we know. */
    public static Optional<SourceCrs> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String text = name.strip().toLowerCase(Locale.ROOT);
        if (CRS84.matcher(text).matches()) {
            return Optional.of(WGS84_LON_LAT);
        }
        Matcher m;
        if ((m = SHORT.matcher(text)).matches() || (m = GML2.matcher(text)).matches()) {
            return Optional.of(new SourceCrs(Integer.parseInt(m.group(1)), false));
        }
        if ((m = URN.matcher(text)).matches() || (m = HTTP_URI.matcher(text)).matches()) {
            return Optional.of(new SourceCrs(Integer.parseInt(m.group(1)), true));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "EPSG:" + srid;
    }
}
