package de.lagebild.common.writes;

import org.jboss.resteasy.reactive.RestResponse;

/** The one place where a write's outcome becomes 201 (created, with its location) or 200 (found done). */
public final class WriteResponses {

    private WriteResponses() {
    }

    public static <T> RestResponse<T> of(WriteResult<T> result) {
        if (!result.created()) {
            return RestResponse.ok(result.body());
        }
        if (result.location() == null) {
            return RestResponse.status(RestResponse.Status.CREATED, result.body());
        }
        return RestResponse.ResponseBuilder.<T>created(result.location()).entity(result.body()).build();
    }
}
