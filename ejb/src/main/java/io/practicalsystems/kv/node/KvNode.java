package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Hint;
import io.practicalsystems.kv.coordinator.HintedHandoffQueue;
import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.membership.MembershipView;
import io.practicalsystems.kv.merkle.MerkleTree;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.ReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One storage node of the Dynamo-style key-value store: its replica store, its view of the membership, and the
 * transport to the other nodes, wired into the client request paths, the replica-side handlers and the periodic
 * maintenance that makes replicas converge.
 *
 * <h2>Client operations</h2>
 * {@link #get}, {@link #put} and {@link #delete} may be called on any node. Reads are coordinated where they arrive.
 * A write is coordinated by one of the key's N preferred replicas — this node if it is one, otherwise the first
 * reachable one, to which the write is forwarded — because the new version's dot must come from the coordinator's
 * own stored copy. Failures complete the future with {@link QuorumNotReachedException} (too few replicas answered;
 * the message says how many; its subclass {@link RingTooSmallException} when the ring has fewer than N nodes) or
 * {@link ForwardingFailedException} (the coordinator did not answer; the outcome is unknown),
 * {@link io.practicalsystems.kv.storage.ObjectLimitExceededException} (the coordinator — this node or the one the
 * write was forwarded to — refused to grow the key past its limits; nothing was stored), or
 * {@link IllegalArgumentException} for an invalid R/W override.
 *
 * <h2>Replica handlers</h2>
 * The {@code handle...} methods answer the calls of other nodes' {@link NodeTransport}: the transport's server side
 * (HTTP resources in Liberty, the simulated network in tests) routes each incoming call to the handler of the same
 * name. They work on the local store only, except {@link #handleForwardedWrite}.
 *
 * <h2>Maintenance</h2>
 * {@link #start()} schedules, on the injected {@link Scheduler}: hint delivery to targets that are reachable again;
 * anti-entropy (a pass compares every replicated range with every other replica, root hashes first, Merkle trees and
 * push and pull of the differing keys only where they differ); ring checks that stream ranges to their new replicas after a membership change; a hand-off
 * sweep that gives keys this node no longer replicates (including the copies it keeps as a stand-in) to their
 * replicas and drops them only after every replica acknowledged; and tombstone collection after the grace period.
 * Each task is rescheduled when its round has finished, so rounds of one kind never overlap.
 *
 * <p>Thread-safe. No clock or thread of its own: all time and scheduling come from the {@link Scheduler}, all I/O
 * from the {@link NodeTransport}, so the deterministic simulation runs exactly this code.
 */
public final class KvNode {

    /** A peer's exchange unused this long is forgotten (each of its calls follows as soon as the last is answered). */
    static final Duration EXCHANGE_MAX_IDLE = Duration.ofSeconds(30);

    private final NodeId self;
    private final LocalReplica replica;
    private final MembershipView membership;
    private final KvNodeConfig config;
    private final Scheduler scheduler;
    private final NodeCounters counters = new NodeCounters();
    private final HintedHandoffQueue<DottedVersionVectorSet<Blob>> hints;
    private final ClientWritePath writes;
    private final ClientReadPath reads;
    private final HintDelivery hintDelivery;
    private final AntiEntropyPass antiEntropy;
    private final RangeHandoff rangeHandoff;
    private final HandoffSweep handoffSweep;
    private final ExchangeSnapshots exchanges;
    private final List<PeriodicTask> tasks = new ArrayList<>();
    private boolean running;

    /**
     * @param self       this node's ID (as in the ring)
     * @param store      this node's durable copy of its keys; not closed by the node
     * @param membership the ring and the failure detector's verdicts, read per request and per round
     * @param transport  calls to other nodes
     * @param scheduler  time and delayed tasks
     * @param config     quorum and maintenance settings
     */
    public KvNode(NodeId self, ReplicaStore store, MembershipView membership, NodeTransport transport,
            Scheduler scheduler, KvNodeConfig config) {
        this.self = Objects.requireNonNull(self, "self").requireNodeName();
        this.replica = new LocalReplica(Objects.requireNonNull(store, "store"));
        this.membership = Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.hints = new HintedHandoffQueue<>(config.maxHintsPerTarget());
        HintingReplicaClient replicas = new HintingReplicaClient(self,
                new LocalFirstReplicaClient(self, this, transport), hints, counters);
        NodeContext context = new NodeContext(self, replica, membership, transport, replicas, scheduler, config,
                counters);
        this.writes = new ClientWritePath(context);
        this.reads = new ClientReadPath(context);
        this.hintDelivery = new HintDelivery(context, hints);
        this.antiEntropy = new AntiEntropyPass(context);
        this.rangeHandoff = new RangeHandoff(context, membership.ring());
        this.handoffSweep = new HandoffSweep(context);
        this.exchanges = new ExchangeSnapshots(scheduler::now, EXCHANGE_MAX_IDLE);
    }

    public NodeId id() {
        return self;
    }

    public KvNodeConfig config() {
        return config;
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /** Schedules the periodic maintenance; idempotent. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        tasks.add(PeriodicTask.start(scheduler, config.hintDeliveryInterval(), this::deliverHints, counters));
        tasks.add(PeriodicTask.start(scheduler, config.antiEntropyInterval(), this::runAntiEntropyPass, counters));
        tasks.add(PeriodicTask.start(scheduler, config.ringCheckInterval(), this::checkRing, counters));
        tasks.add(PeriodicTask.start(scheduler, config.handoffInterval(), this::sweepHandoffs, counters));
        tasks.add(PeriodicTask.start(scheduler, config.gcInterval(),
                () -> CompletableFuture.completedFuture(collectTombstones()), counters));
    }

    /** Cancels the periodic maintenance (rounds in flight finish); the store stays open. Idempotent. */
    public synchronized void stop() {
        tasks.forEach(PeriodicTask::cancel);
        tasks.clear();
        running = false;
    }

    // ---- client operations -----------------------------------------------------------------------------------

    /**
     * Reads {@code key} from R of its replicas and merges their answers; stale replicas are repaired in the
     * background (read repair).
     *
     * @return the live values (several when writes were concurrent), the number of concurrent deletes, and the
     *         causal context to send with the next write; no values when the key does not exist or was deleted
     */
    public CompletableFuture<ClientReadResult> get(String key, RequestOverrides overrides) {
        return reads.read(key, overrides);
    }

    /**
     * Writes {@code value} as the successor of everything {@code context} covers (the context of an earlier read of
     * this key, or {@link CausalContext#empty()} for a blind write, which overwrites nothing and so may add a
     * sibling). Completes once W replicas stored it.
     */
    public CompletableFuture<ClientWriteResult> put(String key, CausalContext context, Blob value,
            RequestOverrides overrides) {
        return writes.write(ClientWrite.put(key, context, value, overrides));
    }

    /**
     * Deletes what {@code context} covers by writing a tombstone: a delete is a versioned write, so a put
     * concurrent with it survives as a sibling. The tombstone is collected after the configured grace period.
     */
    public CompletableFuture<ClientWriteResult> delete(String key, CausalContext context, RequestOverrides overrides) {
        return writes.write(ClientWrite.delete(key, context, overrides));
    }

    // ---- replica handlers (the server side of NodeTransport) -------------------------------------------------

    /**
     * {@link NodeTransport#put}: merges a coordinator's, read repair's or hint's copy into the store. With
     * {@code hintFor}, this node is a stand-in: it also queues the copy for hand-over to that node. Returns once
     * the copy is durable.
     */
    public void handleReplicaPut(String key, DottedVersionVectorSet<Blob> copy, Optional<NodeId> hintFor) {
        replica.merge(key, copy);
        if (hintFor.isPresent() && !hintFor.get().equals(self)) {
            hints.add(new Hint<>(hintFor.get(), key, copy));
            counters.increment(NodeCounters.HINTS_STORED);
        }
    }

    /** {@link NodeTransport#get}: the stored copy of {@code key}, empty if none. */
    public Optional<DottedVersionVectorSet<Blob>> handleReplicaGet(String key) {
        return replica.get(key);
    }

    /** {@link NodeTransport#forwardWrite}: coordinates a write another node received (never forwards again). */
    public CompletableFuture<ClientWriteResult> handleForwardedWrite(ClientWrite write) {
        return writes.coordinate(write);
    }

    /**
     * {@link NodeTransport#merkleLeaves}: the leaf hashes of this node's tree of {@code range}, from the exchange's
     * snapshot of the range's digests ({@link ExchangeSnapshots}); ended at once where the roots agree.
     */
    public List<byte[]> handleMerkleLeaves(TokenRange range, int depth, AntiEntropyExchange exchange) {
        List<byte[]> leaves = MerkleTree.build(depth, exchangeDigests(exchange, range)).leafHashes();
        if (exchange != null && depth == 0 && Arrays.equals(leaves.get(0), exchange.initiatorRoot())) {
            exchanges.end(exchange);
        }
        return leaves;
    }

    /**
     * {@link NodeTransport#bucketDigests}: key → version digest of this node's keys in those buckets of the range,
     * from the exchange's snapshot; the exchange's last call, so the snapshot is dropped.
     */
    public Map<String, byte[]> handleBucketDigests(TokenRange range, int depth, List<Integer> buckets,
            AntiEntropyExchange exchange) {
        Set<Integer> wanted = new HashSet<>(buckets);
        Map<String, byte[]> result = new TreeMap<>();
        exchangeDigests(exchange, range).forEach((key, digest) -> {
            if (wanted.contains(MerkleTree.bucketOf(key, depth))) {
                result.put(key, digest);
            }
        });
        exchanges.end(exchange);
        return result;
    }

    private Map<String, byte[]> exchangeDigests(AntiEntropyExchange exchange, TokenRange range) {
        return exchanges.digests(exchange, range, () -> {
            counters.increment(NodeCounters.ANTI_ENTROPY_RANGE_SCANS);
            return replica.versionDigests(range);
        });
    }

    /** {@link NodeTransport#fetch}: this node's copies of those keys it holds. */
    public List<KeyedCopy> handleFetch(List<String> keys) {
        return replica.copiesOf(keys);
    }

    /** {@link NodeTransport#mergeBatch}: merges each copy; returns once all are durable. */
    public void handleMergeBatch(List<KeyedCopy> copies) {
        for (KeyedCopy copy : copies) {
            replica.merge(copy.key(), copy.copy());
        }
    }

    // ---- maintenance rounds (scheduled by start(); public for operators and tests) ---------------------------

    /** Offers every target's hints to it if the membership considers it reachable. Never fails. */
    public CompletableFuture<Void> deliverHints() {
        return hintDelivery.deliverAll();
    }

    /** One anti-entropy pass: every replicated range with every reachable peer, a few at a time. */
    public CompletableFuture<List<AntiEntropyReport>> runAntiEntropyPass() {
        return antiEntropy.runOnce();
    }

    /** Notices a ring change since the last check and streams ranges to new replicas. Never fails. */
    public CompletableFuture<Void> checkRing() {
        return rangeHandoff.checkRing(membership.ring());
    }

    /** Hands keys this node does not replicate to their replicas; drops those all replicas acknowledged. */
    public CompletableFuture<Integer> sweepHandoffs() {
        return handoffSweep.sweep();
    }

    /** Removes keys whose siblings are all tombstones older than the grace period; returns how many. */
    public int collectTombstones() {
        int removed = replica.collectGarbage(scheduler.now(), config.tombstoneGrace());
        counters.add(NodeCounters.TOMBSTONES_COLLECTED, removed);
        return removed;
    }

    // ---- status ----------------------------------------------------------------------------------------------

    public synchronized NodeStatus status() {
        Map<NodeId, Integer> queued = new TreeMap<>();
        Map<NodeId, Long> dropped = new TreeMap<>();
        for (NodeId target : hints.targets()) {
            queued.put(target, hints.size(target));
        }
        membership.ring().nodes().forEach(node -> {
            long count = hints.dropped(node);
            if (count > 0) {
                dropped.put(node, count);
            }
        });
        return new NodeStatus(self, scheduler.now(), running, config.quorum().spec(), config.quorum().mode().name(),
                membership.ring().nodes().size(), replica.keyCount(), queued, dropped, rangeHandoff.pendingMoves(),
                counters.snapshot());
    }

    /** Live counters (also in {@link #status()}). */
    public NodeCounters counters() {
        return counters;
    }
}
