package io.practicalsystems.platform.ratelimit;

import io.practicalsystems.platform.rest.ratelimit.RateLimited;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoints, never part of the real EAR: {@link RateLimitIT} adds them to a copy of it
 * ({@link ProbeEar}), so the filter is exercised end to end before any system has an endpoint of its own.
 */
@Path("/api/it-ratelimit")
public class RateLimitProbeResource {

    @GET
    @Path("/limited")
    @Produces(MediaType.TEXT_PLAIN)
    @RateLimited("it-probe")
    public String limited() {
        return "ok";
    }

    @GET
    @Path("/other")
    @Produces(MediaType.TEXT_PLAIN)
    @RateLimited("it-other")
    public String other() {
        return "ok";
    }

    @GET
    @Path("/free")
    @Produces(MediaType.TEXT_PLAIN)
    public String free() {
        return "ok";
    }
}
