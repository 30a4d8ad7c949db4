package io.practicalsystems.idgen.rest;

import io.practicalsystems.idgen.application.GeneratorInfo;
import io.practicalsystems.idgen.application.IdGeneratorService;
import io.practicalsystems.platform.rest.NumberParameter;
import io.practicalsystems.platform.rest.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fault injection for experiments: step this server's generator clock. Admin only, and off unless
 * {@code ps.idgen.fault-injection.enabled=true} (env PS_IDGEN_FAULT_INJECTION_ENABLED).
 */
@Path("/api/ids/admin")
@ApplicationScoped
@RolesAllowed("admin")
@Tag(name = "ID generator")
public class IdAdminResource {

    private static final long MAX_STEP_MILLIS = 24L * 3600 * 1000;

    @EJB
    IdGeneratorService ids;

    @POST
    @Path("clock-offset")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Shift the generator's clock by ms (negative = step back); 0 restores the real clock")
    public Response clockOffset(@QueryParam("ms") String ms) {
        if (!ids.faultInjectionEnabled()) {
            return Problems.of(403, "fault-injection-disabled", "Fault injection disabled",
                    "start the server with PS_IDGEN_FAULT_INJECTION_ENABLED=true to step the clock");
        }
        ids.stepClock(NumberParameter.required("ms", ms, -MAX_STEP_MILLIS, MAX_STEP_MILLIS));
        GeneratorInfo info = ids.info();
        return Response.ok(info, MediaType.APPLICATION_JSON).build();
    }
}
