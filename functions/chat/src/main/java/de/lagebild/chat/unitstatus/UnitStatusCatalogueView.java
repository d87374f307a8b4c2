package de.lagebild.chat.unitstatus;

import de.lagebild.common.unitstatus.UnitStatus;
import java.util.List;

/** The deployment's status catalogue, in the order clients show it. */
public record UnitStatusCatalogueView(List<UnitStatus> statuses) {
}
