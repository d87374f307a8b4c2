package de.lagebild.layers.imports;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Features ready for one INSERT: parallel arrays that PostgreSQL unnests into rows. */
final class FeatureBatch {

    private final List<Integer> numbers = new ArrayList<>();
    private final List<String> externalIds = new ArrayList<>();
    private final List<String> properties = new ArrayList<>();
    private final List<String> formats = new ArrayList<>();
    private final List<String> geometries = new ArrayList<>();
    private final List<Integer> srids = new ArrayList<>();
    private final List<Boolean> flips = new ArrayList<>();

    void add(SourceFeature feature, SourceCrs crs, boolean flipAxes) {
        numbers.add(feature.number());
        externalIds.add(feature.externalId());
        properties.add(feature.propertiesJson());
        formats.add(feature.geometry().format().wireName());
        geometries.add(feature.geometry().text());
        srids.add(crs.srid());
        flips.add(flipAxes);
    }

    int size() {
        return numbers.size();
    }

    boolean isEmpty() {
        return numbers.isEmpty();
    }

    Tuple toTuple(String layerId) {
        return Tuple.tuple().addString(layerId)
                .addArrayOfInteger(numbers.toArray(Integer[]::new))
                .addArrayOfString(externalIds.toArray(String[]::new))
                .addArrayOfString(properties.toArray(String[]::new))
                .addArrayOfString(formats.toArray(String[]::new))
                .addArrayOfString(geometries.toArray(String[]::new))
                .addArrayOfInteger(srids.toArray(Integer[]::new))
                .addArrayOfBoolean(flips.toArray(Boolean[]::new));
    }

    String externalId(int number) {
        int index = numbers.indexOf(number);
        return index < 0 ? null : externalIds.get(index);
    }
}
