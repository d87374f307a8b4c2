package de.lagebild.common.orders;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A user as an order names them: its sender, or a recipient. */
@RegisterForReflection
public record OrderPerson(UUID id, String displayName, String unit) {
}
