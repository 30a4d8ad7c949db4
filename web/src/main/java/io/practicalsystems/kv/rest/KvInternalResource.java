package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.membership.GossipMessage;
import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.peer.client.HttpNodeTransport;
import io.practicalsystems.kv.peer.server.PeerServer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Node-to-node calls over HTTP ({@link HttpNodeTransport} is the client): each call is signed
 * ({@link KvPeerSignatureFilter} checks it before the body is read) and handed to the node's {@link PeerServer}.
 */
@Path(HttpNodeTransport.BASE)
@ApplicationScoped
@KvPeerSignatureFilter.Signed
@Tag(name = "Key-value store (node to node)")
public class KvInternalResource {

    @EJB
    KvService kv;

    @POST
    @Path("replica")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Merge a replica's copy (or keep it as a hint for hintFor)")
    public Response replicaPut(@QueryParam("key") String key, @QueryParam("hintFor") String hintFor, byte[] copy) {
        peers().replicaPut(key, copy, Optional.ofNullable(hintFor));
        return Response.noContent().build();
    }

    @GET
    @Path("replica")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "This replica's copy of a key (204 when it has none)")
    public Response replicaGet(@QueryParam("key") String key) {
        return peers().replicaGet(key).map(copy -> Response.ok(copy).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Coordinate a client write forwarded by another node")
    public CompletionStage<Response> forward(KvWire.Write write) {
        return peers().forward(write).thenApply(outcome -> outcome.map(result -> Response.ok(result).build(),
                failure -> Response.status(503).type(MediaType.APPLICATION_JSON).entity(failure).build(),
                refused -> Response.status(refused.status()).type(MediaType.APPLICATION_JSON)
                        .entity(refused.refusal()).build(),
                KvProblems::of));
    }

    @GET
    @Path("merkle/leaves")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> merkleLeaves(@QueryParam("start") long start, @QueryParam("end") long end,
            @QueryParam("depth") int depth, @QueryParam("exchange") String exchange, @QueryParam("root") String root) {
        return peers().merkleLeaves(start, end, depth, exchange, root);
    }

    @POST
    @Path("merkle/digests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> bucketDigests(KvWire.DigestRequest request) {
        return peers().bucketDigests(request);
    }

    @POST
    @Path("fetch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<KvWire.Copy> fetch(List<String> keys) {
        return peers().fetch(keys);
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(List<KvWire.Copy> copies) {
        peers().merge(copies);
        return Response.noContent().build();
    }

    @POST
    @Path("gossip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public GossipMessage gossip(GossipMessage message) {
        return peers().gossip(message);
    }

    private PeerServer peers() {
        return kv.peers();
    }
}
