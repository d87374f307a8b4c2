package de.lagebild.chat.me;

import de.lagebild.common.identity.Actor;
import java.util.List;
import java.util.UUID;

public record MeView(UUID id, String username, String displayName, String unit, List<String> roles) {

    static MeView of(Actor actor) {
        return new MeView(actor.id(), actor.username(), actor.displayName(), actor.unit(),
                actor.roles().stream().sorted().toList());
    }
}
