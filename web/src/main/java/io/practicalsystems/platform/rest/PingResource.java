package io.practicalsystems.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A no-op endpoint: the baseline that load tests compare every other endpoint against. */
@Path("/api/ping")
@ApplicationScoped
public class PingResource {

    private static final String PONG = "{\"pong\":true}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return PONG;
    }
}
