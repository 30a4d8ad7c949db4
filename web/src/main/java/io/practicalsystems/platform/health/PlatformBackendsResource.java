package io.practicalsystems.platform.health;

import io.practicalsystems.platform.PlatformBackends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where each shared backend runs, for anyone: the mode only ({@link PlatformBackends}); the addresses behind it are
 * the admin's ({@link HealthDetailsResource}).
 */
@Path("/api/platform/backends")
@ApplicationScoped
@Tag(name = "Platform")
public class PlatformBackendsResource {

    @Inject
    PlatformBackends backends;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where Redis, SQL, the document store and messaging run: embedded (started by this server), "
            + "local (found on the default port) or external (configured); no addresses")
    public List<PlatformBackends.Backend> backends() {
        return backends.all();
    }
}
