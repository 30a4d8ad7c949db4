package io.practicalsystems.kv.peer.server;

import io.practicalsystems.kv.membership.GossipMembership;
import io.practicalsystems.kv.membership.GossipMessage;
import io.practicalsystems.kv.node.AntiEntropyExchange;
import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.node.Scheduler;
import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.RequestSignature;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import jakarta.json.bind.Jsonb;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The one place a node answers its peers, whichever transport a call came by: HTTP calls (the web module's
 * {@code KvInternalResource}) and WebSocket links (its {@code KvPeerEndpoint}, through {@link PeerLinkSession})
 * are authenticated here and run the same operations. Nothing is accepted without a cluster secret configured.
 */
public final class PeerServer {

    private final NodeId self;
    private final Optional<PeerKey> key;
    private final PeerLinkSettings limits;
    private final Supplier<KvNode> nodes;
    private final Supplier<Optional<GossipMembership>> gossip;
    private final Jsonb jsonb;
    private final Scheduler scheduler;
    private final Executor requests;
    private final SecureRandom random;

    /**
     * @param nodes    the running node; throws while there is none (a call then fails)
     * @param requests where a link's requests run, off the socket's read thread
     */
    public PeerServer(NodeId self, Optional<PeerKey> key, PeerLinkSettings limits, Supplier<KvNode> nodes,
            Supplier<Optional<GossipMembership>> gossip, Jsonb jsonb, Scheduler scheduler, Executor requests,
            SecureRandom random) {
        this.self = self;
        this.key = key;
        this.limits = limits;
        this.nodes = nodes;
        this.gossip = gossip;
        this.jsonb = jsonb;
        this.scheduler = scheduler;
        this.requests = requests;
        this.random = random;
    }

    public PeerLinkSettings limits() {
        return limits;
    }

    // ---- authentication

    /**
     * A new WebSocket link: challenged at once, closed unless it answers in time ({@link PeerLinkSession}).
     */
    public PeerLinkSession open(PeerLinkSession.Connection connection) {
        PeerLinkSession session = new PeerLinkSession(this, connection, PeerKey.nonce(random));
        session.start();
        return session;
    }

    /**
     * Checks an HTTP call's signature header before its body is read: signed with the cluster key for this method
     * and target, within {@link PeerLinkSettings#maxClockSkew} of this node's clock.
     *
     * @return the signature, whose body hash the body must then match ({@link #checkBody})
     * @throws PeerRefusedException 403 otherwise
     */
    public RequestSignature admitRequest(String method, String target, String header) {
        PeerKey peerKey = requireKey();
        RequestSignature signature = RequestSignature.parse(header).orElseThrow(() -> new PeerRefusedException(403,
                "missing or malformed " + RequestSignature.HEADER + " header"));
        long skew = Math.abs(scheduler.now().toEpochMilli() - signature.time());
        if (skew > limits.maxClockSkew().toMillis()) {
            throw new PeerRefusedException(403, "the call's signed time is " + skew + " ms from this node's clock"
                    + " (at most " + limits.maxClockSkew().toMillis() + " ms allowed)");
        }
        if (!signature.signs(peerKey, method, target)) {
            throw new PeerRefusedException(403, "wrong signature: not signed with this cluster's secret");
        }
        return signature;
    }

    /** @throws PeerRefusedException 403 if {@code body} is not the body the signature covers */
    public void checkBody(RequestSignature signature, byte[] body) {
        if (!signature.covers(body)) {
            throw new PeerRefusedException(403, "the body is not the one the signature covers");
        }
    }

    // ---- the calls, for both transports

    public void replicaPut(String key, byte[] copy, Optional<String> hintFor) {
        requireKey(key);
        node().handleReplicaPut(key, decoded(() -> SiblingSetCodec.decode(copy)),
                decoded(() -> hintFor.filter(h -> !h.isBlank()).map(NodeId::of)));
    }

    /** This replica's copy of a key (codec bytes), if it has one. */
    public Optional<byte[]> replicaGet(String key) {
        requireKey(key);
        return node().handleReplicaGet(key).map(SiblingSetCodec::encode);
    }

    /** A client write another node forwarded: coordinated here, completes when its quorum is decided. */
    public CompletableFuture<ForwardOutcome> forward(KvWire.Write write) {
        return node().handleForwardedWrite(decoded(() -> KvWire.write(write))).handle(ForwardOutcome::of);
    }

    /** {@code exchange} and {@code root} (base64) may be null: a caller that names no exchange gets a fresh scan. */
    public List<String> merkleLeaves(long start, long end, int depth, String exchange, String root) {
        AntiEntropyExchange named = decoded(() -> exchange == null ? null : new AntiEntropyExchange(exchange,
                root == null ? null : KvWire.unbase64(root, "root hash")));
        return node().handleMerkleLeaves(new TokenRange(start, end), depth, named).stream().map(KvWire::base64)
                .toList();
    }

    public Map<String, String> bucketDigests(KvWire.DigestRequest request) {
        AntiEntropyExchange named = decoded(() -> request.exchange() == null ? null
                : new AntiEntropyExchange(request.exchange(), null));
        Map<String, String> result = new LinkedHashMap<>();
        node().handleBucketDigests(new TokenRange(request.start(), request.end()), request.depth(), request.buckets(),
                named).forEach((k, digest) -> result.put(k, KvWire.base64(digest)));
        return result;
    }

    public List<KvWire.Copy> fetch(List<String> keys) {
        return node().handleFetch(keys).stream().map(KvWire::copy).toList();
    }

    public void merge(List<KvWire.Copy> copies) {
        node().handleMergeBatch(decoded(() -> copies.stream().map(KvWire::copy).toList()));
    }

    public GossipMessage gossip(GossipMessage message) {
        GossipMembership membership = gossip.get().orElseThrow(() -> new PeerRefusedException(409,
                "this server is a one-node cluster (no ps.kv.seeds): it does not gossip"));
        return membership.onGossip(message, scheduler.now());
    }

    // ---- for PeerLinkSession

    NodeId self() {
        return self;
    }

    Optional<PeerKey> key() {
        return key;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Executor requests() {
        return requests;
    }

    /**
     * One request frame of an authenticated link, answered with one frame; never throws — a malformed or failing
     * request gets a {@code failed} answer naming the problem.
     */
    CompletableFuture<ByteBuffer> answer(ByteBuffer message) {
        PeerFrames.Request request;
        try {
            request = PeerFrames.request(message);
        } catch (IllegalArgumentException e) {
            // No trustworthy id to answer to; id 0 is never used by a caller, so nothing is completed wrongly.
            return CompletableFuture.completedFuture(PeerFrames.failed(0, "malformed peer request: " + e.getMessage()));
        }
        long id = request.id();
        try {
            return switch (request.kind()) {
                case PeerFrames.PUT -> {
                    replicaPut(request.key(), request.body(), request.hintFor());
                    yield CompletableFuture.completedFuture(PeerFrames.done(id));
                }
                case PeerFrames.GET -> CompletableFuture.completedFuture(replicaGet(request.key())
                        .map(copy -> PeerFrames.copy(id, copy)).orElseGet(() -> PeerFrames.done(id)));
                default -> forward(decoded(() -> jsonb.fromJson(new String(request.body(), StandardCharsets.UTF_8),
                        KvWire.Write.class))).thenApply(outcome -> frame(id, outcome));
            };
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(id, e));
        }
    }

    private ByteBuffer frame(long id, ForwardOutcome outcome) {
        return outcome.map(result -> PeerFrames.outcome(PeerFrames.WRITTEN, id, json(result)),
                failure -> PeerFrames.outcome(PeerFrames.NO_QUORUM, id, json(failure)),
                refused -> PeerFrames.outcome(PeerFrames.REFUSED, id, json(refused.refusal())),
                cause -> failed(id, cause));
    }

    private KvNode node() {
        return nodes.get();
    }

    private PeerKey requireKey() {
        return key.orElseThrow(() -> new PeerRefusedException(403,
                "no cluster secret is configured on this node: node-to-node calls are off"));
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new PeerRefusedException(400, "query parameter 'key' is required");
        }
    }

    /** Decoding a peer's message: anything malformed is the caller's fault (400), never a 500. */
    private static <T> T decoded(Supplier<T> decoding) {
        try {
            return decoding.get();
        } catch (RuntimeException e) { // malformed JSON, base64, codec bytes or node ids
            if (e instanceof PeerRefusedException refused) {
                throw refused;
            }
            // Only our own decoders' messages are sentences; JSON-B's and NPEs' name classes, so they stay out.
            throw new PeerRefusedException(400, "malformed node-to-node message"
                    + (e instanceof IllegalArgumentException ? ": " + e.getMessage() : ""));
        }
    }

    private byte[] json(Object value) {
        return jsonb.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer failed(long id, Throwable e) {
        String reason = e instanceof PeerRefusedException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return PeerFrames.failed(id, reason);
    }
}
