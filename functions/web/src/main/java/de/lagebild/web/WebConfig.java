package de.lagebild.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the browser finds the API and the IdP: served to the client as /config.json, so one build runs anywhere. */
@ConfigMapping(prefix = "lagebild.web")
public interface WebConfig {

    /** Base URL of the chat function (REST and the /v1/stream WebSocket). */
    String chatUrl();

    /** Base URL of the media function. */
    String mediaUrl();

    /** Base URL of the positions function (the map). */
    String positionsUrl();

    /** Base URL of the layers function (the map). */
    String layersUrl();

    /** Base URL of the push function (push devices); empty: the client does not subscribe to pushes. */
    @WithDefault("")
    String pushUrl();

    /** The realm's issuer URL. */
    String oidcIssuer();

    /** The public OIDC client of the browser. */
    @WithDefault("lagebild-web")
    String oidcClientId();

    /** The map: its base style and how the browser shares its own position. */
    MapSettings map();

    interface MapSettings {

        /** The base map's MapLibre style; by default Lagebild's own (a plain background, no internet needed). */
        @WithDefault("/map/style.json")
        String styleUrl();

        /** At most one fix of the own position per interval is taken and sent. */
        @WithDefault("10s")
        Duration shareInterval();

        /** A new fix is taken only after moving this far (metres) ... */
        @WithDefault("25")
        int shareDistanceMetres();

        /** ... or after standing still this long, so that a standing officer does not turn stale. */
        @WithDefault("60s")
        Duration shareStillInterval();

        /** A force's position older than this is shown greyed out (as the positions function's map.stale-after). */
        @WithDefault("5m")
        Duration staleAfter();
    }
}
