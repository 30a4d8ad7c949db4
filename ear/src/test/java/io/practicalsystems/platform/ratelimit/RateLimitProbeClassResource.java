package io.practicalsystems.platform.ratelimit;

import io.practicalsystems.platform.rest.ratelimit.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: the annotation on a (CDI-proxied) resource class covers all its methods. */
@Path("/api/it-ratelimit-class")
@ApplicationScoped
@RateLimited("it-class")
public class RateLimitProbeClassResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String get() {
        return "ok";
    }
}
