package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.membership.ClusterSnapshot;
import io.practicalsystems.kv.node.NodeStatus;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * @param members       every member this node knows: state (NORMAL/LEAVING/LEFT), reachability
     *                      (ALIVE/SUSPECT/DEAD), phi, ring ownership
     * @param hintsByTarget hints this node holds for down nodes
     */
    public record ClusterView(String self, String quorum, String mode, int ringNodes,
                              List<ClusterSnapshot.Member> members, long keyCount, Map<String, Integer> hintsByTarget,
                              Map<String, Long> hintsDropped, int pendingRangeMoves, Map<String, Long> counters) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Members, their state (alive/suspect/dead), ring ownership and hint queues, as this node sees them")
    public ClusterView cluster() {
        NodeStatus status = kv.status();
        List<ClusterSnapshot.Member> members = kv.membershipSnapshot().map(ClusterSnapshot::members)
                .orElseGet(() -> List.of(new ClusterSnapshot.Member(status.node().value(), kv.settings().address(),
                        "NORMAL", "ALIVE", 0, 0, 0, kv.settings().vnodes(), 1.0)));
        Map<String, Integer> hints = new TreeMap<>();
        status.hintsByTarget().forEach((node, n) -> hints.put(node.value(), n));
        Map<String, Long> dropped = new TreeMap<>();
        status.hintsDropped().forEach((node, n) -> dropped.put(node.value(), n));
        return new ClusterView(status.node().value(), status.quorum(), status.mode(), status.ringNodes(), members,
                status.keyCount(), hints, dropped, status.pendingRangeMoves(), status.counters());
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
