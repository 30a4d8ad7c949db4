package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.ReadFanout;
import io.practicalsystems.kv.merkle.MerkleTree;
import java.time.Duration;
import java.util.Objects;

/**
 * How one {@link KvNode} replicates and maintains its data.
 *
 * @param quorum                N/R/W and strict or sloppy quorum. Client requests fail while the ring has fewer
 *                              than N nodes ({@link RingTooSmallException}): use N = 1 for a single node
 * @param hintDeliveryInterval  how often hints are offered to their (reachable) targets
 * @param antiEntropyInterval   the pause between two anti-entropy passes (each compares every replicated range with
 *                              every other replica)
 * @param merkleDepth           depth of the anti-entropy trees (2^depth leaves per range)
 * @param ringCheckInterval     how often the membership's ring is compared with the last one seen (range moves)
 * @param handoffInterval       how often keys this node no longer replicates (ring changes, stand-in copies) are
 *                              handed to their replicas and, once all of them acknowledged, dropped here
 * @param gcInterval            how often expired tombstones are collected
 * @param tombstoneGrace        how long a tombstone is kept; must outlast hinted handoff and a full anti-entropy
 *                              cycle, or an old value can come back from a replica that missed the delete
 * @param maxHintsPerTarget     bound of each target's hint queue (oldest dropped; the stand-in's stored copy and
 *                              the hand-off sweep still deliver them)
 * @param batchSize             keys per message in range moves, hand-offs and anti-entropy pushes (a message can
 *                              be up to {@code batchSize} times the largest value)
 * @param readFanout            which replicas a client read asks: R (its own copy first) and one more on need, or
 *                              all N
 * @param antiEntropyKeysPerSecond how many key reads per second anti-entropy may cause on average, counting this
 *                              node's reads of a range and each compared peer's ({@link ScanPace}); 0: unpaced
 */
public record KvNodeConfig(QuorumConfig quorum, Duration hintDeliveryInterval, Duration antiEntropyInterval,
        int merkleDepth, Duration ringCheckInterval, Duration handoffInterval, Duration gcInterval,
        Duration tombstoneGrace, int maxHintsPerTarget, int batchSize, ReadFanout readFanout,
        long antiEntropyKeysPerSecond) {

    /**
     * Anti-entropy's default pace: 5,000 key reads per second. A pass costs each key of a range once here and once per
     * peer, so one over 100,000 keys at N=3 takes at least a minute (docs/kv.md, "Anti-entropy passes").
     */
    public static final long DEFAULT_ANTI_ENTROPY_KEYS_PER_SECOND = 5_000;

    /**
     * R replicas, one more after 50 ms without a quorum: well above a peer read's usual time, a twentieth of the
     * default request timeout (docs/kv.md, "Which replicas a read asks").
     */
    public static final ReadFanout DEFAULT_READ_FANOUT = ReadFanout.quorum(Duration.ofMillis(50));

    public KvNodeConfig {
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(readFanout, "readFanout");
        positive(hintDeliveryInterval, "hintDeliveryInterval");
        positive(antiEntropyInterval, "antiEntropyInterval");
        positive(ringCheckInterval, "ringCheckInterval");
        positive(handoffInterval, "handoffInterval");
        positive(gcInterval, "gcInterval");
        Objects.requireNonNull(tombstoneGrace, "tombstoneGrace");
        if (tombstoneGrace.isNegative()) {
            throw new IllegalArgumentException("tombstoneGrace must not be negative, got " + tombstoneGrace);
        }
        if (merkleDepth < 0 || merkleDepth > MerkleTree.MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "merkleDepth must be 0.." + MerkleTree.MAX_DEPTH + ", got " + merkleDepth);
        }
        if (maxHintsPerTarget < 1) {
            throw new IllegalArgumentException("maxHintsPerTarget must be >= 1, got " + maxHintsPerTarget);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (antiEntropyKeysPerSecond < 0) {
            throw new IllegalArgumentException(
                    "antiEntropyKeysPerSecond must be >= 0 (0: unpaced), got " + antiEntropyKeysPerSecond);
        }
    }

    /**
     * With the {@linkplain #DEFAULT_READ_FANOUT default read fan-out} and unpaced anti-entropy (the simulation's
     * settings, in virtual time).
     */
    public KvNodeConfig(QuorumConfig quorum, Duration hintDeliveryInterval, Duration antiEntropyInterval,
            int merkleDepth, Duration ringCheckInterval, Duration handoffInterval, Duration gcInterval,
            Duration tombstoneGrace, int maxHintsPerTarget, int batchSize) {
        this(quorum, hintDeliveryInterval, antiEntropyInterval, merkleDepth, ringCheckInterval, handoffInterval,
                gcInterval, tombstoneGrace, maxHintsPerTarget, batchSize, DEFAULT_READ_FANOUT, 0);
    }

    /**
     * Production-like defaults around {@code quorum}: seconds-scale maintenance, paced anti-entropy, a 10-day tombstone
     * grace.
     */
    public static KvNodeConfig defaults(QuorumConfig quorum) {
        return new KvNodeConfig(quorum, Duration.ofSeconds(5), Duration.ofSeconds(30), 10, Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofDays(10), 10_000, 64, DEFAULT_READ_FANOUT,
                DEFAULT_ANTI_ENTROPY_KEYS_PER_SECOND);
    }

    public KvNodeConfig withQuorum(QuorumConfig newQuorum) {
        return new KvNodeConfig(newQuorum, hintDeliveryInterval, antiEntropyInterval, merkleDepth, ringCheckInterval,
                handoffInterval, gcInterval, tombstoneGrace, maxHintsPerTarget, batchSize, readFanout,
                antiEntropyKeysPerSecond);
    }

    public KvNodeConfig withTombstoneGrace(Duration grace) {
        return new KvNodeConfig(quorum, hintDeliveryInterval, antiEntropyInterval, merkleDepth, ringCheckInterval,
                handoffInterval, gcInterval, grace, maxHintsPerTarget, batchSize, readFanout,
                antiEntropyKeysPerSecond);
    }

    public KvNodeConfig withReadFanout(ReadFanout fanout) {
        return new KvNodeConfig(quorum, hintDeliveryInterval, antiEntropyInterval, merkleDepth, ringCheckInterval,
                handoffInterval, gcInterval, tombstoneGrace, maxHintsPerTarget, batchSize, fanout,
                antiEntropyKeysPerSecond);
    }

    public KvNodeConfig withAntiEntropyKeysPerSecond(long keysPerSecond) {
        return new KvNodeConfig(quorum, hintDeliveryInterval, antiEntropyInterval, merkleDepth, ringCheckInterval,
                handoffInterval, gcInterval, tombstoneGrace, maxHintsPerTarget, batchSize, readFanout, keysPerSecond);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
