package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.InvalidParameterException;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.ClickAggregate;
import io.practicalsystems.shortener.application.clicks.ClickPublisher;
import io.practicalsystems.shortener.application.clicks.StoredClickBatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fault injection for the analytics pipeline (admin only, off unless {@code ps.shortener.fault-injection.enabled}):
 * publish a given click aggregate as-is — send the same one twice to see duplicate delivery counted once — and
 * optionally make its first delivery fail after storing, to see a JMS redelivery counted once.
 */
@Path("/api/urls/admin")
@ApplicationScoped
@RolesAllowed("admin")
@Tag(name = "URL shortener")
public class ShortenerAdminResource {

    @Inject
    ClickPublisher clicks;

    @Inject
    @ConfigProperty(name = "ps.shortener.fault-injection.enabled", defaultValue = "false")
    boolean faultInjectionEnabled;

    /** Body of {@code POST /api/urls/admin/clicks}: {@code aggregate} is one click aggregate in wire format a1. */
    public record PublishClickRequest(String aggregate) {
    }

    @POST
    @Path("clicks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a click aggregate (wire format a1, in {\"aggregate\": …}) to the clicks queue")
    public Response publish(PublishClickRequest request, @QueryParam("failFirstDelivery") boolean failFirstDelivery) {
        if (!faultInjectionEnabled) {
            return Problems.of(403, "fault-injection-disabled", "Fault injection disabled",
                    "start the server with PS_SHORTENER_FAULT_INJECTION_ENABLED=true");
        }
        ClickAggregate aggregate;
        try {
            aggregate = ClickAggregate.fromWire(request == null || request.aggregate() == null ? ""
                    : request.aggregate().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("aggregate", e.getMessage());
        }
        if (!aggregate.counts().stream().allMatch(StoredClickBatch::fits)) {
            throw new InvalidParameterException("aggregate", "a code (max 32 characters), referrer host (255) or agent"
                    + " family (16) is too long to store");
        }
        clicks.publishForTest(aggregate, failFirstDelivery);
        return Response.accepted().build();
    }
}
