package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientReadResult;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.node.KvNodeConfig;
import io.practicalsystems.kv.node.NodeCounters;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.ReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A cluster of {@link KvNode}s on virtual time and a {@link SimNetwork}: boot, crash, restart, partition, join and
 * leave nodes; issue client operations; inspect stores. Everything random comes from the one seed.
 */
public final class SimCluster {

    private final long seed;
    private final Random random;
    private final SimScheduler scheduler = new SimScheduler();
    private final SimNetwork network;
    private final KvNodeConfig config;
    private final int vnodes;
    private final long detectorLagMillis;
    private final Map<NodeId, SimStore> stores = new TreeMap<>();
    private final Map<NodeId, Incarnation> running = new TreeMap<>();
    private final Map<NodeId, Integer> boots = new TreeMap<>();
    private final List<KvNode> everyIncarnation = new ArrayList<>();
    private final List<WriteEffect> effects = new ArrayList<>();
    private final Map<NodeId, SimMembership> views = new TreeMap<>();
    private HashRing ring;

    public SimCluster(long seed, int nodeCount, int vnodes, KvNodeConfig config, long detectorLagMillis) {
        this.seed = seed;
        this.random = new Random(seed);
        this.network = new SimNetwork(scheduler, new Random(random.nextLong()));
        this.config = config;
        this.vnodes = vnodes;
        this.detectorLagMillis = detectorLagMillis;
        List<NodeId> ids = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            ids.add(NodeId.of("n" + i));
        }
        this.ring = HashRing.of(ids, vnodes);
        ids.forEach(this::boot);
        views.values().forEach(SimMembership::refresh); // a cluster that starts together starts agreeing
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    public SimScheduler scheduler() {
        return scheduler;
    }

    public SimNetwork network() {
        return network;
    }

    public KvNodeConfig config() {
        return config;
    }

    public HashRing ring() {
        return ring;
    }

    public List<NodeId> members() {
        return List.copyOf(ring.nodes());
    }

    public boolean isUp(NodeId node) {
        return running.containsKey(node);
    }

    public KvNode node(NodeId id) {
        Incarnation incarnation = running.get(id);
        if (incarnation == null) {
            throw new IllegalStateException(id + " is down");
        }
        return incarnation.node();
    }

    public List<WriteEffect> effects() {
        return List.copyOf(effects);
    }

    // ---- faults ----------------------------------------------------------------------------------------------

    /** Boots a node (first time or after a crash) on its durable store; its in-memory state starts empty. */
    public void boot(NodeId id) {
        if (running.containsKey(id)) {
            return;
        }
        SimStore store = stores.computeIfAbsent(id, i -> new SimStore(effects::add, scheduler::nowMillis));
        Incarnation incarnation = new Incarnation(id, boots.merge(id, 1, Integer::sum));
        ReplicaStore fenced = new FencedStore(store, incarnation::alive, incarnation.toString());
        SimMembership membership = new SimMembership(this, id);
        KvNode node = new KvNode(id, fenced, membership, new SimTransport(network, incarnation),
                scheduler.forNode(incarnation::alive), config);
        incarnation.attach(node);
        views.put(id, membership);
        running.put(id, incarnation);
        network.register(incarnation);
        everyIncarnation.add(node);
        refreshViews(membership, incarnation);
        node.start();
    }

    /** The failure detector's periodic refresh, with a per-node offset so views disagree for a while. */
    private void refreshViews(SimMembership membership, Incarnation incarnation) {
        long offset = 1 + random.nextLong(detectorLagMillis);
        scheduler.after(offset, new Runnable() {
            @Override
            public void run() {
                if (incarnation.alive()) {
                    membership.refresh();
                    scheduler.after(detectorLagMillis, this);
                }
            }
        });
    }

    /** Kills the process: queued hints and other in-memory state are gone, the store survives. */
    public void crash(NodeId id) {
        Incarnation incarnation = running.remove(id);
        if (incarnation != null) {
            incarnation.node().stop();
            incarnation.kill();
            network.unregister(id);
        }
    }

    public void cut(NodeId a, NodeId b) {
        network.cut(a, b);
    }

    /** Cuts {@code node} off from every other member. */
    public void isolate(NodeId node) {
        ring.nodes().forEach(other -> network.cut(node, other));
    }

    /**
     * Heals partitions, stops message loss and boots every crashed node — members, and nodes that left the ring
     * but may still hold data to hand over.
     */
    public void healAll() {
        network.heal();
        network.dropRate(0);
        for (NodeId id : allNodes()) {
            boot(id);
        }
    }

    // ---- membership changes ----------------------------------------------------------------------------------

    public void join(NodeId id) {
        ring = ring.withNode(id, vnodes);
        boot(id);
    }

    /** Takes {@code id} out of the ring; the node keeps running so it can hand its ranges over. */
    public void leave(NodeId id) {
        ring = ring.withoutNode(id);
    }

    // ---- client operations -----------------------------------------------------------------------------------

    public CompletableFuture<ClientWriteResult> put(NodeId via, String key, CausalContext context, String value) {
        return node(via).put(key, context, Blob.ofUtf8(value), RequestOverrides.none());
    }

    public CompletableFuture<ClientWriteResult> delete(NodeId via, String key, CausalContext context) {
        return node(via).delete(key, context, RequestOverrides.none());
    }

    public CompletableFuture<ClientReadResult> get(NodeId via, String key) {
        return node(via).get(key, RequestOverrides.none());
    }

    public CompletableFuture<ClientReadResult> get(NodeId via, String key, RequestOverrides overrides) {
        return node(via).get(key, overrides);
    }

    /** Runs virtual time until {@code future} completes (or {@code limit} passes) and returns its result. */
    public <T> T await(CompletableFuture<T> future, Duration limit) {
        long deadline = scheduler.nowMillis() + limit.toMillis();
        while (!future.isDone() && scheduler.nowMillis() < deadline) {
            scheduler.runUntil(scheduler.nowMillis() + 1);
        }
        if (!future.isDone()) {
            throw new AssertionError("seed " + seed + ": operation did not complete within " + limit);
        }
        return future.join();
    }

    public <T> T await(CompletableFuture<T> future) {
        return await(future, Duration.ofSeconds(5));
    }

    public void runFor(Duration duration) {
        scheduler.runFor(duration);
    }

    // ---- inspection ------------------------------------------------------------------------------------------

    public SimStore store(NodeId id) {
        return stores.get(id);
    }

    public Optional<DottedVersionVectorSet<Blob>> stored(NodeId id, String key) {
        SimStore store = stores.get(id);
        return store == null ? Optional.empty() : store.get(key);
    }

    public List<NodeId> replicasOf(String key) {
        return ring.preferenceList(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Math.min(config.quorum().n(), ring.nodes().size()));
    }

    /** Every node that ever had a store, ring member or not. */
    public List<NodeId> allNodes() {
        return List.copyOf(stores.keySet());
    }

    /** A counter summed over every incarnation that ever ran. */
    public long total(String counter) {
        return everyIncarnation.stream().mapToLong(node -> node.counters().get(counter)).sum();
    }

    public long maintenanceErrors() {
        return total(NodeCounters.MAINTENANCE_ERRORS);
    }

    public String describeFaults() {
        return "seed " + seed + " (replay: -Dkv.sim.seed=" + seed + ")";
    }
}
