package de.lagebild.common.unitstatus;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One status of the deployment's catalogue (FMS-style): its code (the key an officer presses),
 * a short label for buttons and map legends, the full label, and whether it is urgent (a priority
 * speech request). Status changes keep the status as it was when it was set.
 */
@RegisterForReflection
public record UnitStatus(String code, String shortLabel, String label, boolean urgent) {
}
