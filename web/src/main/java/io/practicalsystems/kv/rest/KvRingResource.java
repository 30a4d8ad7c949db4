package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvRingView;
import io.practicalsystems.kv.application.KvService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/kv-cluster/ring}: this node's ring as arcs (token ranges and their owners), for the console. */
@Path("/api/kv-cluster/ring")
@ApplicationScoped
@Tag(name = "Key-value store")
public class KvRingResource {

    @EJB
    KvService kv;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ring as this node sees it: every token range (arc) with its primary owner, clockwise")
    public KvRingView ring() {
        return KvRingView.of(kv.clusterView());
    }
}
