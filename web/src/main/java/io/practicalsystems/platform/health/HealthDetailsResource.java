package io.practicalsystems.platform.health;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every health check with its details, for the administrator: the same shape as MicroProfile Health's answer
 * ({@code status}, {@code checks[].name/status/data}), always HTTP 200 — the status is in the body; readiness probes
 * use the public {@code /health/ready}.
 */
@Path("/api/admin/health")
@ApplicationScoped
@RolesAllowed("admin")
@Tag(name = "Administration")
public class HealthDetailsResource {

    @Inject
    @Any
    Instance<DetailedHealthCheck> checks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every health check with its details (backend addresses, errors): admin only")
    public JsonObject details() {
        List<HealthCheckResponse> responses = checks.stream().map(DetailedHealthCheck::detailed)
                .sorted(Comparator.comparing(HealthCheckResponse::getName)).toList();
        JsonArrayBuilder array = Json.createArrayBuilder();
        responses.forEach(response -> array.add(json(response)));
        boolean up = responses.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
        return Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", array).build();
    }

    private static JsonObjectBuilder json(HealthCheckResponse response) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        response.getData().ifPresent(values -> values.forEach((name, value) -> {
            if (value instanceof Long l) {
                data.add(name, l);
            } else if (value instanceof Boolean b) {
                data.add(name, b);
            } else {
                data.add(name, String.valueOf(value));
            }
        }));
        return Json.createObjectBuilder().add("name", response.getName())
                .add("status", response.getStatus().name()).add("data", data);
    }
}
