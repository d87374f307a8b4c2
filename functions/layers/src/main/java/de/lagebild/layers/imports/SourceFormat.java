package de.lagebild.layers.imports;

import java.util.Locale;

/** The formats an import reads. */
public enum SourceFormat {
    GEOJSON, GML;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
