package de.lagebild.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The client's runtime configuration from this function's configuration (environment in a cluster). */
@Path("/config.json")
public class RuntimeConfigResource {

    private final WebConfig config;

    public RuntimeConfigResource(WebConfig config) {
        this.config = config;
    }

    /** What the client needs to start; the service worker keeps the last copy for offline starts. */
    public record RuntimeConfig(String chatUrl, String mediaUrl, String positionsUrl, String layersUrl,
            String pushUrl, String oidcIssuer, String oidcClientId, MapConfig map) {
    }

    /** The map's settings; durations in seconds. */
    public record MapConfig(String styleUrl, long shareIntervalSeconds, int shareDistanceMetres,
            long shareStillIntervalSeconds, long staleAfterSeconds) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return Response.ok(new RuntimeConfig(config.chatUrl(), config.mediaUrl(), config.positionsUrl(),
                        config.layersUrl(), config.pushUrl(), config.oidcIssuer(), config.oidcClientId(), mapConfig()))
                .cacheControl(noCache)
                .build();
    }

    private MapConfig mapConfig() {
        WebConfig.MapSettings map = config.map();
        return new MapConfig(map.styleUrl(), map.shareInterval().toSeconds(), map.shareDistanceMetres(),
                map.shareStillInterval().toSeconds(), map.staleAfter().toSeconds());
    }
}
