package de.lagebild.chat.unitstatus;

import de.lagebild.common.unitstatus.UnitStatus;
import java.util.List;

/**
 * The German BOS FMS statuses as the nationwide digital radio scheme of 2017 defines them for the
 * vehicle-to-control-room direction, in keypad order. 7 to 9 are worded for police use: 7 bound
 * to an operation (a person taken along, a transport), 8 available with restrictions, 9 signed on
 * with another control room. 0 is the priority speech request, the only urgent one.
 */
final class FmsStatuses {

    static final List<UnitStatus> CATALOGUE = List.of(
            new UnitStatus("1", "E-bereit Funk", "einsatzbereit über Funk", false),
            new UnitStatus("2", "E-bereit Wache", "einsatzbereit auf Wache", false),
            new UnitStatus("3", "Einsatzübernahme", "Einsatz übernommen", false),
            new UnitStatus("4", "Einsatzort an", "am Einsatzort", false),
            new UnitStatus("5", "Sprechwunsch", "Sprechwunsch", false),
            new UnitStatus("6", "Nicht E-bereit", "nicht einsatzbereit", false),
            new UnitStatus("7", "Einsatzgebunden", "einsatzgebunden (Person übernommen, Transport)", false),
            new UnitStatus("8", "Bedingt verfügbar", "bedingt verfügbar", false),
            new UnitStatus("9", "Fremdanmeldung", "bei fremder Leitstelle angemeldet", false),
            new UnitStatus("0", "Prio. Sprechen", "dringender Sprechwunsch", true));

    private FmsStatuses() {
    }
}
