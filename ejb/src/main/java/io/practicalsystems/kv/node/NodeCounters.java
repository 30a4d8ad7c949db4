package io.practicalsystems.kv.node;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Monotonic event counts of one node (for {@link NodeStatus} and metrics). Thread-safe. */
public final class NodeCounters {

    public static final String FORWARDED_WRITES = "forwardedWrites";
    public static final String COORDINATED_WRITES = "coordinatedWrites";
    public static final String READ_REPAIRS = "readRepairs";
    /** Reads that had no R answers after the speculative delay and asked one more replica. */
    public static final String SPECULATIVE_READS = "speculativeReads";
    public static final String HINTS_STORED = "hintsStored";
    public static final String HINTS_DELIVERED = "hintsDelivered";
    public static final String HINTS_DISCARDED = "hintsDiscarded";
    /** Full anti-entropy passes started (every replicated range with every reachable peer). */
    public static final String ANTI_ENTROPY_PASSES = "antiEntropyPasses";
    /** (range, peer) comparisons, most of them settled by the root hash alone. */
    public static final String ANTI_ENTROPY_ROUNDS = "antiEntropyRounds";
    /**
     * Scans of one range's version digests for a peer's anti-entropy exchange: one per exchange (the peer's calls share
     * it, {@link ExchangeSnapshots}), one per call before.
     */
    public static final String ANTI_ENTROPY_RANGE_SCANS = "antiEntropyRangeScans";
    /**
     * Key reads this node's passes caused, charged to its pace ({@link KvNodeConfig#antiEntropyKeysPerSecond()}): its
     * own keys of each range compared, and as many again per peer compared with.
     */
    public static final String ANTI_ENTROPY_KEY_READS = "antiEntropyKeyReads";
    public static final String ANTI_ENTROPY_KEYS_PUSHED = "antiEntropyKeysPushed";
    public static final String ANTI_ENTROPY_KEYS_PULLED = "antiEntropyKeysPulled";
    public static final String RANGE_MOVES_DONE = "rangeMovesDone";
    public static final String KEYS_HANDED_OFF = "keysHandedOff";
    public static final String TOMBSTONES_COLLECTED = "tombstonesCollected";
    public static final String MAINTENANCE_ERRORS = "maintenanceErrors";

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void add(String name, long delta) {
        if (delta != 0) {
            counts.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(delta);
        }
    }

    void increment(String name) {
        add(name, 1);
    }

    public long get(String name) {
        AtomicLong count = counts.get(name);
        return count == null ? 0 : count.get();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }
}
