package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.Placement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A Dynamo request path from the steps: place, write to all and wait for W; or read (from all, or from R and more
 * on need), wait for R, reconcile, answer, and repair stale replicas once every replica asked has answered.
 *
 * <p>No I/O, threads or clocks of its own: everything runs on the threads that complete the
 * {@link ReplicaClient}'s futures, so the same code runs over HTTP and over the deterministic simulation. Writes
 * take an already-versioned value: the node that coordinates a client write first derives the new version from
 * the client's context and its local copy ({@code kv.version}), then calls {@link #put}.
 */
public final class Coordinator<V> {

    private final QuorumConfig cluster;
    private final PreferenceListStep preferenceList;
    private final ParallelWriteStep<V> writes;
    private final QuorumReadStep<V> reads;
    private final ReconcileStep<V> reconcile;
    private final ReadRepairStep<V> readRepair;
    private final Consumer<RepairReport> repairListener;
    private final ReadPlan readPlan;
    private final Predicate<NodeId> healthy;

    /**
     * @param ring       the current ring, read per request
     * @param cluster    N, R, W and quorum mode of the cluster
     * @param healthy    the failure detector's current view, read per request: stand-ins (sloppy quorum only), and
     *                   which replicas a read asks first
     * @param replicas   the transport
     * @param reconciler how versioned values merge
     */
    public Coordinator(Supplier<HashRing> ring, QuorumConfig cluster, Predicate<NodeId> healthy,
            ReplicaClient<V> replicas, Reconciler<V> reconciler) {
        this(ring, cluster, healthy, replicas, reconciler, report -> { });
    }

    /** @param repairListener told about every read repair round, e.g. for metrics; runs on a transport thread */
    public Coordinator(Supplier<HashRing> ring, QuorumConfig cluster, Predicate<NodeId> healthy,
            ReplicaClient<V> replicas, Reconciler<V> reconciler, Consumer<RepairReport> repairListener) {
        this(ring, cluster, healthy, replicas, reconciler, repairListener, ReadPlan.ASK_ALL);
    }

    /** @param readPlan which replicas a read asks, which first, and what runs a speculative ask */
    public Coordinator(Supplier<HashRing> ring, QuorumConfig cluster, Predicate<NodeId> healthy,
            ReplicaClient<V> replicas, Reconciler<V> reconciler, Consumer<RepairReport> repairListener,
            ReadPlan readPlan) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.preferenceList = new PreferenceListStep(ring, healthy);
        this.writes = new ParallelWriteStep<>(replicas);
        this.reads = new QuorumReadStep<>(replicas, readPlan.fanout(), readPlan.delays());
        this.reconcile = new ReconcileStep<>(reconciler);
        this.readRepair = new ReadRepairStep<>(replicas);
        this.repairListener = Objects.requireNonNull(repairListener, "repairListener");
        this.readPlan = Objects.requireNonNull(readPlan, "readPlan");
        this.healthy = healthy;
    }

    public QuorumConfig cluster() {
        return cluster;
    }

    /**
     * Writes {@code value} to the key's N replicas; completes after W acknowledgements, or exceptionally with
     * {@link QuorumNotReachedException}.
     *
     * @throws IllegalArgumentException (synchronously) for an invalid override or N above the ring's node count
     */
    public CompletableFuture<WriteResult> put(String key, V value, RequestOverrides overrides) {
        QuorumConfig quorum = cluster.with(overrides);
        List<Placement> placements = preferenceList.placements(key, quorum);
        return writes.write(key, value, placements, quorum.w());
    }

    /**
     * Reads the key from its replicas (all N, or R and more on need: the {@link ReadFanout}); completes with the
     * reconciled value of the first R answers, or exceptionally with {@link QuorumNotReachedException}. Read repair
     * follows in the background.
     *
     * @throws IllegalArgumentException (synchronously) for an invalid override or N above the ring's node count
     */
    public CompletableFuture<ReadResult<V>> get(String key, RequestOverrides overrides) {
        QuorumConfig quorum = cluster.with(overrides);
        List<Placement> placements = preferenceList.placements(key, quorum);
        List<NodeId> nodes = readPlan.order(placements.stream().map(Placement::node).toList(), healthy);
        ReadRound<V> round = reads.read(key, nodes, quorum.r());

        // Repair from every answer, not just the first R: the replicas that answered late are the likeliest to be
        // stale. Started before the client's answer is built, so it happens even if the caller abandons the read.
        round.settled().thenCompose(all -> readRepair.repair(key, reconcile.getRepairs(all), placements))
                .thenAccept(repairListener);

        return round.quorum().thenApply(answers -> new ReadResult<>(reconcile.reconcile(answers).value(),
                answers.stream().map(NodeResponse::node).toList()));
    }
}
