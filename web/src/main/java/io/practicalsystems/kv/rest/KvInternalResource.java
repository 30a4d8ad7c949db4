package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.HttpNodeTransport;
import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.application.KvWire;
import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.membership.GossipMembership;
import io.practicalsystems.kv.membership.GossipMessage;
import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Node-to-node calls ({@link HttpNodeTransport} is the client): each routes to the node's handler of the same name.
 * Every call must carry the cluster secret; without one configured (a one-node cluster) nothing is accepted.
 */
@Path(HttpNodeTransport.BASE)
@ApplicationScoped
@Tag(name = "Key-value store (node to node)")
public class KvInternalResource {

    @EJB
    KvService kv;

    @POST
    @Path("replica")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Merge a replica's copy (or keep it as a hint for hintFor)")
    public Response replicaPut(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret,
            @QueryParam("key") String key, @QueryParam("hintFor") String hintFor, byte[] copy) {
        checkSecret(secret);
        requireKey(key);
        node().handleReplicaPut(key, decoded(() -> SiblingSetCodec.decode(copy)),
                decoded(() -> Optional.ofNullable(hintFor).filter(h -> !h.isBlank()).map(NodeId::of)));
        return Response.noContent().build();
    }

    @GET
    @Path("replica")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "This replica's copy of a key (204 when it has none)")
    public Response replicaGet(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret,
            @QueryParam("key") String key) {
        checkSecret(secret);
        requireKey(key);
        return node().handleReplicaGet(key).map(copy -> Response.ok(SiblingSetCodec.encode(copy)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Coordinate a client write forwarded by another node")
    public CompletionStage<Response> forward(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret,
            KvWire.Write write) {
        checkSecret(secret);
        return node().handleForwardedWrite(decoded(() -> KvWire.write(write))).handle((result, failure) -> {
            if (failure == null) {
                return Response.ok(KvWire.result(result)).build();
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof QuorumNotReachedException q) {
                return Response.status(503).type(MediaType.APPLICATION_JSON).entity(KvWire.failure(q)).build();
            }
            return KvProblems.of(cause);
        });
    }

    @GET
    @Path("merkle/leaves")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> merkleLeaves(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret,
            @QueryParam("start") long start, @QueryParam("end") long end, @QueryParam("depth") int depth) {
        checkSecret(secret);
        return node().handleMerkleLeaves(new TokenRange(start, end), depth).stream().map(KvWire::base64).toList();
    }

    @POST
    @Path("merkle/digests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> bucketDigests(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret,
            KvWire.DigestRequest request) {
        checkSecret(secret);
        Map<String, String> result = new LinkedHashMap<>();
        node().handleBucketDigests(new TokenRange(request.start(), request.end()), request.depth(), request.buckets())
                .forEach((key, digest) -> result.put(key, KvWire.base64(digest)));
        return result;
    }

    @POST
    @Path("fetch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<KvWire.Copy> fetch(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret, List<String> keys) {
        checkSecret(secret);
        return node().handleFetch(keys).stream().map(KvWire::copy).toList();
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret, List<KvWire.Copy> copies) {
        checkSecret(secret);
        node().handleMergeBatch(decoded(() -> copies.stream().map(KvWire::copy).toList()));
        return Response.noContent().build();
    }

    @POST
    @Path("gossip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public GossipMessage gossip(@HeaderParam(HttpNodeTransport.SECRET_HEADER) String secret, GossipMessage message) {
        checkSecret(secret);
        GossipMembership membership = kv.gossip().orElseThrow(() -> new KvInternalRefusal(409,
                "this server is a one-node cluster (no ps.kv.seeds): it does not gossip"));
        return membership.onGossip(message, Instant.now());
    }

    private KvNode node() {
        return kv.node();
    }

    private void checkSecret(String given) {
        Optional<String> expected = kv.settings().clusterSecret();
        if (expected.isEmpty()) {
            throw new KvInternalRefusal(403, "no cluster secret is configured on this node: node-to-node calls are off");
        }
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw new KvInternalRefusal(403, "wrong or missing " + HttpNodeTransport.SECRET_HEADER);
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new KvInternalRefusal(400, "query parameter 'key' is required");
        }
    }

    /** Decoding a peer's message: anything malformed is the caller's fault (400), never a 500. */
    private static <T> T decoded(java.util.function.Supplier<T> decoding) {
        try {
            return decoding.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KvInternalRefusal(400, "malformed node-to-node message: " + e.getMessage());
        }
    }

    /** A refused node-to-node call. */
    public static class KvInternalRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        KvInternalRefusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @jakarta.ws.rs.ext.Provider
    public static class RefusalMapper implements jakarta.ws.rs.ext.ExceptionMapper<KvInternalRefusal> {
        @Override
        public Response toResponse(KvInternalRefusal e) {
            return Problems.of(e.status, "kv-internal-refused", "Node-to-node call refused", e.getMessage());
        }
    }
}
