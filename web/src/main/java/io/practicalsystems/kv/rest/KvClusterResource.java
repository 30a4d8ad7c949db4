package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvClusterView;
import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.platform.rest.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/kv-cluster}: this node's view of the cluster; {@code POST /api/kv-cluster/leave} (admin). Outside
 * {@code /api/kv/}, so that every key — {@code cluster} too — belongs to the key space.
 */
@Path("/api/kv-cluster")
@ApplicationScoped
@Tag(name = "Key-value store")
public class KvClusterResource {

    @EJB
    KvService kv;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Members, their state (alive/suspect/dead), ring ownership and hint queues, as this node "
            + "sees them")
    public KvClusterView cluster() {
        return kv.clusterView();
    }

    @POST
    @Path("leave")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Graceful leave (admin): leave the ring; this node hands its keys to their new replicas")
    public Response leave() {
        java.util.Optional<String> refused = kv.leave();
        if (refused.isPresent()) {
            return Problems.of(409, "kv-cannot-leave", "Cannot leave", refused.get());
        }
        return Response.accepted(Map.of("node", kv.settings().nodeId().value(), "status", "LEFT",
                "at", Instant.now().toString(), "next", "wait for keyCount 0 in /api/kv-cluster, then stop")).build();
    }
}
