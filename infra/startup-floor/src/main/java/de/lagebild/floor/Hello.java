package de.lagebild.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** One endpoint: what any Quarkus REST application has to start. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
