package de.lagebild.chat.unitstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.common.unitstatus.UnitStatus;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue as a deployment configures it, read through the real config mapping. */
class UnitStatusCatalogueTest {

    @Test
    void withoutConfigurationTheCatalogueIsTheFmsStatuses() {
        UnitStatusCatalogue catalogue = new UnitStatusCatalogue(mapping(Map.of()));
        assertThat(catalogue.statuses()).hasSize(10);
        assertThat(catalogue.byCode("0")).contains(new UnitStatus("0", "Prio. Sprechen", "dringender Sprechwunsch", true));
        assertThat(catalogue.byCode("42")).isEmpty();
    }

    @Test
    void aConfiguredCatalogueReplacesTheFmsStatusesInItsOrder() {
        UnitStatusCatalogue catalogue = new UnitStatusCatalogue(mapping(Map.of(
                "lagebild.unit-status.catalogue[0].code", "C",
                "lagebild.unit-status.catalogue[0].short-label", "Lage",
                "lagebild.unit-status.catalogue[0].label", "Lagemeldung abgegeben",
                "lagebild.unit-status.catalogue[1].code", "0",
                "lagebild.unit-status.catalogue[1].short-label", "Notruf",
                "lagebild.unit-status.catalogue[1].label", "dringender Sprechwunsch",
                "lagebild.unit-status.catalogue[1].urgent", "true")));
        assertThat(catalogue.statuses()).containsExactly(
                new UnitStatus("C", "Lage", "Lagemeldung abgegeben", false),
                new UnitStatus("0", "Notruf", "dringender Sprechwunsch", true));
        assertThat(catalogue.byCode("1")).isEmpty();
    }

    @Test
    void aCatalogueTheDatabaseCouldNotStoreStopsTheStart() {
        assertThatThrownBy(() -> new UnitStatusCatalogue(mapping(Map.of(
                "lagebild.unit-status.catalogue[0].code", "1", "lagebild.unit-status.catalogue[0].short-label", "a",
                "lagebild.unit-status.catalogue[0].label", "a",
                "lagebild.unit-status.catalogue[1].code", "1", "lagebild.unit-status.catalogue[1].short-label", "b",
                "lagebild.unit-status.catalogue[1].label", "b"))))
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> new UnitStatusCatalogue(mapping(Map.of(
                "lagebild.unit-status.catalogue[0].code", "1 2", "lagebild.unit-status.catalogue[0].short-label", "a",
                "lagebild.unit-status.catalogue[0].label", "a"))))
                .hasMessageContaining("letters or digits");
        assertThatThrownBy(() -> new UnitStatusCatalogue(mapping(Map.of(
                "lagebild.unit-status.catalogue[0].code", "1",
                "lagebild.unit-status.catalogue[0].short-label", "x".repeat(41),
                "lagebild.unit-status.catalogue[0].label", "a"))))
                .hasMessageContaining("short label");
    }

    private static UnitStatusConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(UnitStatusConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(UnitStatusConfig.class);
    }
}
