package de.lagebild.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** The realm's issuer URL. */
    String oidcIssuer();

    /** The public OIDC client of the browser. */
    @WithDefault("lagebild-web")
    String oidcClientId();
}
