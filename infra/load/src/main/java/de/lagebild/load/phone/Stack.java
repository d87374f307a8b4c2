package de.lagebild.load.phone;

import de.lagebild.load.ScenarioArgs;
import java.util.List;

/**
 * Where the functions and Keycloak listen: the shared local stack by default, or another (the
 * isolated stack of the fault runs) through {@code chat=URL[,URL]}, {@code positions=}, {@code media=},
 * {@code keycloak=}. Several chat URLs are instances of the same function.
 */
public record Stack(List<String> chat, String positions, String media, String keycloak) {

    public static Stack of(ScenarioArgs args) {
        return new Stack(args.list("chat", "http://127.0.0.1:8081"), args.string("positions", "http://127.0.0.1:8082"),
                args.string("media", "http://127.0.0.1:8084"), args.string("keycloak", "http://127.0.0.1:8180"));
    }

    public List<String> streams() {
        return chat.stream().map(url -> url.replaceFirst("^http", "ws") + "/v1/stream").toList();
    }
}
