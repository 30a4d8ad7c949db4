package io.practicalsystems.kv.application;

import io.practicalsystems.kv.membership.ClusterSnapshot;
import io.practicalsystems.kv.membership.GossipConfig;
import io.practicalsystems.kv.membership.GossipMembership;
import io.practicalsystems.kv.membership.Gossiper;
import io.practicalsystems.kv.membership.MembershipView;
import io.practicalsystems.kv.membership.StaticMembership;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientReadResult;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.node.ExecutorScheduler;
import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.node.KvNodeConfig;
import io.practicalsystems.kv.node.NodeStatus;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.client.HttpNodeTransport;
import io.practicalsystems.kv.peer.client.WebSocketNodeTransport;
import io.practicalsystems.kv.peer.server.PeerServer;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.MvStoreReplicaStore;
import io.practicalsystems.kv.storage.ObjectLimits;
import io.practicalsystems.kv.storage.RecoveringReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.ContextTokens;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's key-value node: opens its store, joins the cluster (gossip with the seeds) or runs alone, and hands
 * the {@link KvNode} to the REST layer. A configuration or storage problem leaves the KV store unavailable with the
 * reason (503 + readiness DOWN); the rest of the EAR keeps serving.
 */
@Singleton(name = "KvService")
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KvService {

    private static final Logger LOG = Logger.getLogger(KvService.class.getName());

    @Inject
    KvSettings settings;

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource
    ManagedThreadFactory managedThreads;

    /** How long a failed store stays closed before (each) attempt to open it again. */
    private static final long STORE_REOPEN_DELAY_MS = 2000;

    private volatile KvNode node;
    private volatile String unavailableReason = "starting";
    private volatile RecoveringReplicaStore store;
    private volatile ContextTokens contextTokens;
    private ScheduledFuture<?> storeReopening;
    private GossipMembership gossip;
    private Gossiper gossiper;
    private ScheduledFuture<?> gossipRounds;
    private HttpClient http;
    private WebSocketNodeTransport peerLinks;
    private ScheduledFuture<?> keepAlives;
    private volatile PeerServer peers;
    private Jsonb jsonb;
    private volatile ExecutorService requestPath;

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            unavailableReason = "the key-value store is disabled (ps.kv.enabled=false)";
            return;
        }
        try {
            NodeId self = settings.nodeId();
            KvNodeConfig defaults = KvNodeConfig.defaults(settings.quorum());
            KvNodeConfig config = new KvNodeConfig(defaults.quorum(), settings.hintDeliveryInterval(),
                    settings.antiEntropyInterval(), defaults.merkleDepth(), defaults.ringCheckInterval(),
                    defaults.handoffInterval(), defaults.gcInterval(), settings.tombstoneGrace(),
                    defaults.maxHintsPerTarget(), defaults.batchSize(), settings.readFanout(),
                    settings.antiEntropyKeysPerSecond());
            Files.createDirectories(settings.dataDir());
            ObjectLimits limits = settings.objectLimits();
            Path file = settings.dataDir().resolve(self.value() + ".mv.db");
            store = new RecoveringReplicaStore(() -> MvStoreReplicaStore.open(file,
                    MvStoreReplicaStore.Durability.PROCESS_CRASH, limits));
            contextTokens = ContextKeys.tokens(settings.clusterSecret(), settings.dataDir());
            jsonb = JsonbBuilder.create();
            requestPath = RequestPathPool.create(managedThreads);
            // HTTP/1.1 keep-alive: no h2c upgrade handshake on plain http, one pooled connection per in-flight call
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.requestTimeout()).build();
            MembershipView membership = membership(self);
            Optional<PeerKey> key = PeerKey.of(settings.clusterSecret());
            ExecutorScheduler scheduler = new ExecutorScheduler(executor, Clock.systemUTC());
            peers = new PeerServer(self, key, settings.peerLinks(), this::node, this::gossip, jsonb, scheduler,
                    task -> executor().execute(task), new SecureRandom());
            HttpNodeTransport transport = new HttpNodeTransport(http, jsonb, this::addressOf, self, key,
                    Clock.systemUTC(), settings.requestTimeout(), settings.routes());
            if (settings.peerWebSocket()) {
                peerLinks = new WebSocketNodeTransport(transport, http, jsonb, this::addressOf, self, key,
                        settings.requestTimeout(), settings.routes(), requestPath);
                long every = Math.max(1, settings.peerLinks().idleTimeout().toMillis() / 4);
                keepAlives = executor.scheduleWithFixedDelay(peerLinks::keepAlive, every, every,
                        TimeUnit.MILLISECONDS);
            }
            node = new KvNode(self, store, membership, peerLinks != null ? peerLinks : transport, scheduler, config);
            node.start();
            storeReopening = executor.scheduleWithFixedDelay(this::reopenFailedStore, STORE_REOPEN_DELAY_MS,
                    STORE_REOPEN_DELAY_MS, TimeUnit.MILLISECONDS);
            if (gossip != null) {
                gossiper = new Gossiper(gossip, transport, Clock.systemUTC());
                long every = settings.gossipInterval().toMillis();
                gossipRounds = executor.scheduleWithFixedDelay(gossiper::runRound, every, every,
                        TimeUnit.MILLISECONDS);
            }
            unavailableReason = null;
            LOG.info("key-value node " + self + " started: " + (gossip == null ? "one-node cluster"
                    : "seeds " + settings.seeds()) + ", quorum " + config.quorum().spec() + " "
                    + config.quorum().mode() + ", data in " + settings.dataDir());
        } catch (Exception e) {
            // The reason is answered to clients (503): the exception, which may name files and classes, is logged.
            unavailableReason = "the key-value store could not start; the server log says why";
            LOG.log(Level.SEVERE, "the key-value store could not start", e);
            closeQuietly();
        }
    }

    /** A store that closed itself is opened again (readiness is DOWN meanwhile); a failed attempt is retried. */
    private void reopenFailedStore() {
        if (store.failure().isPresent()) {
            store.reopen();
        }
    }

    private MembershipView membership(NodeId self) {
        if (!settings.clustered()) {
            return StaticMembership.allReachable(HashRing.of(List.of(self), settings.vnodes()));
        }
        if (settings.clusterSecret().isEmpty()) {
            throw new IllegalStateException("ps.kv.cluster-secret (env PS_KV_CLUSTER_SECRET) is required with seeds: "
                    + "node-to-node calls are authenticated with it");
        }
        gossip = GossipMembership.start(GossipConfig.of(self, settings.address(), settings.vnodes(),
                settings.seeds()), Clock.systemUTC().instant(), new SecureRandom());
        return gossip;
    }

    private Optional<String> addressOf(NodeId node) {
        if (gossip != null) {
            return gossip.addressOf(node);
        }
        return node.equals(settings.nodeId()) ? Optional.of(settings.address()) : Optional.empty();
    }

    @PreDestroy
    void stop() {
        if (gossipRounds != null) {
            gossipRounds.cancel(false);
        }
        if (storeReopening != null) {
            storeReopening.cancel(false);
        }
        if (keepAlives != null) {
            keepAlives.cancel(false);
        }
        if (node != null) {
            node.stop();
        }
        if (peerLinks != null) {
            peerLinks.close();
        }
        if (requestPath != null) {
            requestPath.shutdown();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.warning("closing the key-value store: " + e);
            }
        }
        if (jsonb != null) {
            try {
                jsonb.close();
            } catch (Exception e) {
                LOG.fine("closing JSON-B: " + e);
            }
        }
    }

    /** The node, or {@link KvUnavailableException} with the reason. */
    public KvNode node() {
        KvNode current = node;
        if (current == null) {
            throw new KvUnavailableException(unavailableReason);
        }
        return current;
    }

    /** Running, with its store open (not failed and waiting to be reopened). */
    public boolean isReady() {
        return node != null && store.failure().isEmpty();
    }

    /** Why it is not ready; null when it is. */
    public String unavailableReason() {
        String reason = unavailableReason;
        return reason != null || store == null ? reason : store.failure().orElse(null);
    }

    /** Turns causal contexts into the authenticated tokens clients see, and back. */
    public ContextTokens contextTokens() {
        ContextTokens tokens = contextTokens;
        if (tokens == null) {
            throw new KvUnavailableException(unavailableReason);
        }
        return tokens;
    }

    public KvSettings settings() {
        return settings;
    }

    /** Gossip membership's snapshot when clustered; empty for a one-node cluster. */
    public Optional<ClusterSnapshot> membershipSnapshot() {
        return Optional.ofNullable(gossip).map(GossipMembership::snapshot);
    }

    public NodeStatus status() {
        return node().status();
    }

    // ---- what the REST layer asks: one container call per question ------------------------------------------

    /** N: the most replicas a request's R or W may name. */
    public int replicas() {
        return node().config().quorum().n();
    }

    /** {@link KvNode#get}, or {@link KvUnavailableException} while the node is not running. */
    public CompletableFuture<ClientReadResult> get(String key, RequestOverrides overrides) {
        return node().get(key, overrides);
    }

    /** {@link KvNode#put}; fails with {@code ObjectLimitExceededException} if the key would hold too much. */
    public CompletableFuture<ClientWriteResult> put(String key, CausalContext context, Blob value,
            RequestOverrides overrides) {
        return node().put(key, context, value, overrides);
    }

    /** {@link KvNode#delete}. */
    public CompletableFuture<ClientWriteResult> delete(String key, CausalContext context,
            RequestOverrides overrides) {
        return node().delete(key, context, overrides);
    }

    /** Ready while the node runs with an open store and its ring has N nodes (a disabled store is "up"). */
    public KvReadiness readiness() {
        if (!settings.enabled()) {
            return new KvReadiness(true, "disabled", -1);
        }
        if (!isReady()) {
            return new KvReadiness(false, unavailableReason(), -1);
        }
        int ringNodes = status().ringNodes();
        int n = replicas();
        return ringNodes >= n ? new KvReadiness(true, "running", ringNodes)
                : new KvReadiness(false, "waiting for the ring: " + ringNodes + " of " + n + " nodes known (N=" + n
                        + ")", ringNodes);
    }

    /** This node's view of the cluster: gossip's members when clustered, else itself owning the whole ring. */
    public KvClusterView clusterView() {
        NodeStatus status = status();
        List<ClusterSnapshot.Member> members = membershipSnapshot().map(ClusterSnapshot::members)
                .orElseGet(() -> List.of(new ClusterSnapshot.Member(status.node().value(), settings.address(),
                        "NORMAL", "ALIVE", 0, 0, 0, settings.vnodes(), 1.0)));
        Map<String, Integer> hints = new TreeMap<>();
        status.hintsByTarget().forEach((node, n) -> hints.put(node.value(), n));
        Map<String, Long> dropped = new TreeMap<>();
        status.hintsDropped().forEach((node, n) -> dropped.put(node.value(), n));
        return new KvClusterView(status.node().value(), status.quorum(), status.mode(), status.ringNodes(), members,
                status.keyCount(), hints, dropped, status.pendingRangeMoves(), status.counters());
    }

    /**
     * Graceful leave: LEAVING then LEFT by gossip, so every ring drops this node; it keeps running and its hand-off
     * sweep gives each key to the key's new replicas, dropping it here once they all acknowledged (watch
     * {@code keyCount} reach 0 in the cluster view, then stop the server).
     *
     * @return why it cannot leave, if it cannot
     */
    public Optional<String> leave() {
        if (gossip == null) {
            return Optional.of("a one-node cluster has nobody to leave to");
        }
        try {
            gossip.startLeaving();
            gossip.finishLeaving();
            return Optional.empty();
        } catch (IllegalStateException e) { // e.g. the last node of the ring, or already left
            return Optional.of(e.getMessage());
        }
    }

    /** Where node-to-node calls are authenticated and answered, for both transports. */
    public PeerServer peers() {
        PeerServer current = peers;
        if (current == null) {
            throw new KvUnavailableException(unavailableReason);
        }
        return current;
    }

    /** Where peer links' requests run (off the socket's read thread). */
    private java.util.concurrent.Executor executor() {
        ExecutorService pool = requestPath; // the managed executor only while starting, unavailable or stopping
        return pool != null && !pool.isShutdown() ? pool : executor;
    }

    public Jsonb jsonb() {
        return jsonb;
    }

    private Optional<GossipMembership> gossip() {
        return Optional.ofNullable(gossip);
    }
}
