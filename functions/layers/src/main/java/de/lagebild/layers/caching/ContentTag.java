package de.lagebild.layers.caching;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A strong ETag made of what a response depends on (the layers' content versions, which never
 * repeat), with the conditional-request logic: a matching If-None-Match gets 304 without the query.
 */
public record ContentTag(String value) {

    public static ContentTag of(String kind, String versions) {
        return new ContentTag('"' + kind + ':' + versions + '"');
    }

    /** Whether an If-None-Match header (a list of tags, weak ones included, or *) matches this tag. */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(value) || tag.startsWith("W/") && tag.substring(2).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** 304 when the client has this version, else the response that {@code body} builds; both with caching headers. */
    public <T> Uni<RestResponse<T>> respond(String ifNoneMatch, Duration maxAge, Supplier<Uni<RestResponse<T>>> body) {
        if (matches(ifNoneMatch)) {
            return Uni.createFrom().item(withCaching(RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED), maxAge).build());
        }
        return body.get();
    }

    public <T> RestResponse.ResponseBuilder<T> withCaching(RestResponse.ResponseBuilder<T> builder, Duration maxAge) {
        return builder.header(HttpHeaders.ETAG, value)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAge.toSeconds());
    }
}
