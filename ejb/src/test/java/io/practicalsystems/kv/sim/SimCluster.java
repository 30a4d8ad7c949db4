package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.membership.MembershipView;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
    private final Set<NodeId> departed = new TreeSet<>();
    private final boolean gossip;
    private final Function<NodeId, ReplicaStore> opener;
    private final List<NodeId> seeds;
    private HashRing ring;

    /**
     * A cluster whose nodes see membership through the simulation's oracle, {@code detectorLagMillis} late.
     */
    public SimCluster(long seed, int nodeCount, int vnodes, KvNodeConfig config, long detectorLagMillis) {
        this(seed, nodeCount, vnodes, config, detectorLagMillis, false, null);
    }

    /**
     * Like the oracle-membership cluster, on stores {@code opener} opens (e.g. MVStore files): closed when their node
     * crashes, reopened when it boots.
     */
    public SimCluster(long seed, int nodeCount, int vnodes, KvNodeConfig config, long detectorLagMillis,
            Function<NodeId, ReplicaStore> opener) {
        this(seed, nodeCount, vnodes, config, detectorLagMillis, false, opener);
    }

    /**
     * A cluster whose nodes run real gossip membership (phi accrual failure detection, joins and leaves by gossip);
     * call {@link #awaitMembership} before relying on every node knowing every other.
     */
    public static SimCluster withGossip(long seed, int nodeCount, int vnodes, KvNodeConfig config) {
        return new SimCluster(seed, nodeCount, vnodes, config, 0, true, null);
    }

    private SimCluster(long seed, int nodeCount, int vnodes, KvNodeConfig config, long detectorLagMillis,
            boolean gossip, Function<NodeId, ReplicaStore> opener) {
        this.gossip = gossip;
        this.opener = opener;
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
        // Two seeds, as a real deployment would list: with every node a seed, GossipTargets never gossips from a
        // seed to a seed once its live peer is one, and groups formed at start-up can stay apart for good.
        this.seeds = List.copyOf(ids.subList(0, Math.min(2, ids.size())));
        ids.forEach(this::boot);
        views.values().forEach(SimMembership::refresh); // a cluster that starts together starts agreeing (oracle)
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
        SimStore store = stores.computeIfAbsent(id, i -> opener == null
                ? new SimStore(effects::add, scheduler::nowMillis)
                : new SimStore(() -> opener.apply(i), effects::add, scheduler::nowMillis));
        store.openForBoot();
        Incarnation incarnation = new Incarnation(id, boots.merge(id, 1, Integer::sum));
        ReplicaStore fenced = new FencedStore(store, incarnation::alive, incarnation.toString());
        MembershipView membership;
        if (gossip) {
            membership = SimGossip.start(incarnation, boots.get(id), vnodes, seeds, scheduler, network,
                    new Random(random.nextLong()));
        } else {
            SimMembership oracle = new SimMembership(this, id);
            views.put(id, oracle);
            refreshViews(oracle, incarnation);
            membership = oracle;
        }
        KvNode node = new KvNode(id, fenced, membership, new SimTransport(network, incarnation),
                scheduler.forNode(incarnation::alive), config);
        incarnation.attach(node);
        running.put(id, incarnation);
        network.register(incarnation);
        everyIncarnation.add(node);
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
            stores.get(id).closeForCrash();
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
            if (!gossip || !departed.contains(id)) { // a gossiping node that restarts rejoins the ring
                boot(id);
            }
        }
    }

    // ---- membership changes ----------------------------------------------------------------------------------

    /** Adds a node to the ring (with gossip: starts it, and it joins by gossiping with the seeds). */
    public void join(NodeId id) {
        ring = ring.withNode(id, vnodes);
        departed.remove(id);
        boot(id);
    }

    /**
     * Takes {@code id} out of the ring (with gossip: it announces LEAVING, then LEFT); the node keeps running so it
     * can hand its ranges over.
     *
     * @return false if a gossiping node could not leave (it is down, or knows no other member yet)
     */
    public boolean leave(NodeId id) {
        Incarnation incarnation = running.get(id);
        if (gossip) {
            if (incarnation == null) {
                return false;
            }
            try {
                incarnation.gossip().startLeaving();
                incarnation.gossip().finishLeaving();
            } catch (IllegalStateException e) {
                return false; // it sees itself as the only member (just restarted): nobody to hand over to
            }
        }
        ring = ring.withoutNode(id);
        departed.add(id);
        return true;
    }

    public boolean gossips() {
        return gossip;
    }

    /**
     * With gossip: how every running node's view differs from the intended ring — a different ring, or a ring
     * member it does not consider reachable; empty when all agree. Nodes that left are not asked.
     */
    public List<String> membershipDisagreements() {
        List<String> disagreements = new ArrayList<>();
        if (!gossip) {
            return disagreements;
        }
        running.forEach((id, incarnation) -> {
            if (departed.contains(id)) {
                return;
            }
            HashRing seen = incarnation.gossip().ring();
            if (!seen.vnodesByNode().equals(ring.vnodesByNode())) {
                disagreements.add(id + " sees ring " + seen.nodes() + ", not " + ring.nodes());
            }
            for (NodeId member : ring.nodes()) {
                if (isUp(member) && !incarnation.gossip().isReachable(member)) {
                    disagreements.add(id + " does not consider " + member + " reachable");
                }
            }
        });
        return disagreements;
    }

    /** Runs virtual time until every node's gossip view matches the ring (or {@code limit} passes). */
    public void awaitMembership(Duration limit) {
        long deadline = scheduler.nowMillis() + limit.toMillis();
        while (!membershipDisagreements().isEmpty() && scheduler.nowMillis() < deadline) {
            scheduler.runUntil(scheduler.nowMillis() + 10);
        }
        if (!membershipDisagreements().isEmpty()) {
            throw new AssertionError("seed " + seed + ": membership did not converge within " + limit + ": "
                    + membershipDisagreements());
        }
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
        return ring.preferenceList(key,
                Math.min(config.quorum().n(), ring.nodes().size()));
    }

    /** Nodes that left the ring (and still run, to hand their data over). */
    public Set<NodeId> departed() {
        return Set.copyOf(departed);
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
