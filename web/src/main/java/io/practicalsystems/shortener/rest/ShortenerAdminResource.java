package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.InvalidParameterException;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.ClickEvent;
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
 * publish a given click event as-is — send the same one twice to see duplicate delivery counted once — and
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

    /** Body of {@code POST /api/urls/admin/clicks}: {@code event} is one click event in wire format v1. */
    public record PublishClickRequest(String event) {
    }

    @POST
    @Path("clicks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a raw click event (wire format v1, in {\"event\": …}) to the clicks queue")
    public Response publish(PublishClickRequest request, @QueryParam("failFirstDelivery") boolean failFirstDelivery) {
        if (!faultInjectionEnabled) {
            return Problems.of(403, "fault-injection-disabled", "Fault injection disabled",
                    "start the server with PS_SHORTENER_FAULT_INJECTION_ENABLED=true");
        }
        ClickEvent event;
        try {
            event = ClickEvent.fromWire(request == null || request.event() == null ? "" : request.event().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("body", e.getMessage());
        }
        if (!StoredClickBatch.fits(event)) {
            throw new InvalidParameterException("body", "event ID (max " + StoredClickBatch.MAX_EVENT_ID + "), code (max "
                    + StoredClickBatch.MAX_CODE + ") or another field is too long to store");
        }
        clicks.publishForTest(event, failFirstDelivery);
        return Response.accepted().build();
    }
}
