package io.practicalsystems.kv.ring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An immutable consistent-hash ring: each physical node owns several virtual-node tokens, a key lives on the first
 * N distinct physical nodes clockwise from {@link RingHash#of(byte[]) its hash}.
 *
 * <p>Immutable so a request can hold one ring for its whole life while membership changes swap in a new one
 * ({@code AtomicReference<HashRing>} in the service); every node that knows the same members and vnode counts
 * builds the same ring, because tokens come only from {@code "<node>#<index>"}.
 *
 * <p>Token {@code t[i]} owns {@code (t[i-1], t[i]]}; the first token also owns the wrap-around from the last.
 */
public final class HashRing {

    /** Far beyond useful (spread stops improving long before) but keeps a typo from allocating gigabytes. */
    public static final int MAX_VNODES_PER_NODE = 10_000;

    private final Map<NodeId, Integer> vnodesByNode; // sorted by node, unmodifiable
    private final long[] tokens; // ascending, distinct
    private final NodeId[] owners; // owners[i] owns the range ending at tokens[i]

    private HashRing(Map<NodeId, Integer> vnodesByNode) {
        if (vnodesByNode.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one node");
        }
        TreeMap<NodeId, Integer> sorted = new TreeMap<>();
        vnodesByNode.forEach((node, count) -> {
            Objects.requireNonNull(node, "node");
            if (count == null || count < 1 || count > MAX_VNODES_PER_NODE) {
                throw new IllegalArgumentException("vnodes for node " + node + " must be 1.." + MAX_VNODES_PER_NODE
                        + ", got " + count);
            }
            sorted.put(node, count);
        });
        this.vnodesByNode = Collections.unmodifiableMap(sorted);

        // Token -> owner; on a (practically impossible) 64-bit collision the smaller node ID keeps the token, so
        // every node still derives the identical ring.
        TreeMap<Long, NodeId> byToken = new TreeMap<>();
        sorted.forEach((node, count) -> {
            for (int i = 0; i < count; i++) {
                byToken.merge(RingHash.vnodeToken(node, i), node, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        this.tokens = byToken.keySet().stream().mapToLong(Long::longValue).toArray();
        this.owners = byToken.values().toArray(NodeId[]::new);
    }

    /** Every node gets {@code vnodesPerNode} tokens. */
    public static HashRing of(Collection<NodeId> nodes, int vnodesPerNode) {
        Map<NodeId, Integer> counts = new TreeMap<>();
        for (NodeId node : nodes) {
            counts.put(node, vnodesPerNode);
        }
        return new HashRing(counts);
    }

    /** Per-node token counts, e.g. more vnodes for a node with a bigger disk: its share grows in proportion. */
    public static HashRing withVnodes(Map<NodeId, Integer> vnodesByNode) {
        return new HashRing(vnodesByNode);
    }

    public HashRing withNode(NodeId node, int vnodes) {
        Map<NodeId, Integer> counts = new TreeMap<>(vnodesByNode);
        counts.put(node, vnodes);
        return new HashRing(counts);
    }

    public HashRing withoutNode(NodeId node) {
        Map<NodeId, Integer> counts = new TreeMap<>(vnodesByNode);
        counts.remove(node);
        return new HashRing(counts);
    }

    public Set<NodeId> nodes() {
        return vnodesByNode.keySet();
    }

    public Map<NodeId, Integer> vnodesByNode() {
        return vnodesByNode;
    }

    public int tokenCount() {
        return tokens.length;
    }

    /** The node whose token is the first at or after the key's position: the first entry of every preference list. */
    public NodeId primaryFor(byte[] key) {
        return owners[indexAtOrAfter(RingHash.of(key))];
    }

    /**
     * The first {@code n} distinct physical nodes clockwise from the key: its N replicas, coordinator candidates
     * first. Virtual nodes of a node already in the list are skipped, so two replicas never share a machine.
     *
     * @throws IllegalArgumentException if {@code n} is below 1 or above the number of nodes
     */
    public List<NodeId> preferenceList(byte[] key, int n) {
        requireReplicaCount(n);
        return preferenceListAt(RingHash.of(key), n);
    }

    /** {@link #preferenceList(byte[], int)} of a key's UTF-8 bytes: how the store places its keys. */
    public List<NodeId> preferenceList(String key, int n) {
        requireReplicaCount(n);
        return preferenceListAt(RingHash.of(key), n);
    }

    /** {@link #preferenceList} for a ring position rather than a key, e.g. the end of a {@link TokenRange}. */
    public List<NodeId> preferenceListAt(long position, int n) {
        requireReplicaCount(n);
        Set<NodeId> distinct = new LinkedHashSet<>(); // clockwise order, each physical node once
        int start = indexAtOrAfter(position);
        for (int step = 0; step < tokens.length && distinct.size() < n; step++) {
            distinct.add(owners[(start + step) % tokens.length]);
        }
        return List.copyOf(distinct);
    }

    /**
     * Sloppy-quorum placement (Dynamo §4.6): the first {@code n} distinct nodes clockwise, except that each one
     * {@code healthy} rejects is replaced by the next healthy node beyond them, which keeps the copy as a hint for
     * the down node. Stand-ins are paired with down nodes in clockwise order, so the replacement is the same on
     * every coordinator that agrees on health.
     *
     * <p>Returns fewer than {@code n} placements when fewer than {@code n} nodes are healthy; the caller decides
     * whether that still makes a quorum.
     */
    public List<Placement> preferenceListSkipping(byte[] key, int n, Predicate<NodeId> healthy) {
        return preferenceListSkippingAt(RingHash.of(key), n, healthy);
    }

    /** {@link #preferenceListSkipping(byte[], int, Predicate)} of a key's UTF-8 bytes. */
    public List<Placement> preferenceListSkipping(String key, int n, Predicate<NodeId> healthy) {
        return preferenceListSkippingAt(RingHash.of(key), n, healthy);
    }

    private List<Placement> preferenceListSkippingAt(long position, int n, Predicate<NodeId> healthy) {
        requireReplicaCount(n);
        List<Placement> placements = new ArrayList<>(n);
        Deque<NodeId> downPreferred = new ArrayDeque<>();
        Set<NodeId> seen = new HashSet<>();
        int start = indexAtOrAfter(position);
        for (int step = 0; step < tokens.length && seen.size() < vnodesByNode.size(); step++) {
            NodeId owner = owners[(start + step) % tokens.length];
            if (!seen.add(owner)) {
                continue;
            }
            boolean inPreferenceList = seen.size() <= n;
            if (inPreferenceList) {
                if (healthy.test(owner)) {
                    placements.add(Placement.preferred(owner));
                } else {
                    downPreferred.add(owner);
                }
            } else if (downPreferred.isEmpty()) {
                break;
            } else if (healthy.test(owner)) {
                placements.add(Placement.standIn(owner, downPreferred.poll()));
            }
        }
        return List.copyOf(placements);
    }

    /**
     * The ranges each node owns as primary (first replica), in token order. Ranges of consecutive tokens of the
     * same node are kept apart: each matches exactly one token, which is what range transfer is keyed by.
     */
    public Map<NodeId, List<TokenRange>> ownership() {
        Map<NodeId, List<TokenRange>> result = new TreeMap<>();
        for (NodeId node : vnodesByNode.keySet()) {
            result.put(node, new ArrayList<>());
        }
        for (int i = 0; i < tokens.length; i++) {
            result.get(owners[i]).add(rangeEndingAt(i));
        }
        result.replaceAll((node, ranges) -> List.copyOf(ranges));
        return Collections.unmodifiableMap(result);
    }

    /**
     * The ranges each node stores as one of {@code n} replicas: the scope of its anti-entropy (Merkle) trees.
     * {@code n} above the node count is capped, since a small cluster simply keeps a copy everywhere.
     */
    public Map<NodeId, List<TokenRange>> replicatedRanges(int n) {
        int replicas = Math.min(n, vnodesByNode.size());
        Map<NodeId, List<TokenRange>> result = new TreeMap<>();
        for (NodeId node : vnodesByNode.keySet()) {
            result.put(node, new ArrayList<>());
        }
        for (int i = 0; i < tokens.length; i++) {
            TokenRange range = rangeEndingAt(i);
            for (NodeId replica : preferenceListAt(tokens[i], replicas)) {
                result.get(replica).add(range);
            }
        }
        result.replaceAll((node, ranges) -> List.copyOf(ranges));
        return Collections.unmodifiableMap(result);
    }

    /**
     * What must be copied when the ring changes from {@code before} to {@code after} with {@code n} replicas:
     * every range where a node joins the replica set, with a node that held it before as the source. See
     * {@link RangeMoves}.
     */
    public static List<RangeMove> movesBetween(HashRing before, HashRing after, int n) {
        return RangeMoves.between(before, after, n);
    }

    /** Tokens in ascending order; package-private, shared (not copied) for {@link RangeMoves}. */
    long[] tokens() {
        return tokens;
    }

    private TokenRange rangeEndingAt(int index) {
        return new TokenRange(tokens[(index - 1 + tokens.length) % tokens.length], tokens[index]);
    }

    /** Index of the first token at or after {@code position}, wrapping to 0 past the last token. */
    private int indexAtOrAfter(long position) {
        int i = Arrays.binarySearch(tokens, position);
        if (i < 0) {
            i = -i - 1; // insertion point: the first token greater than position
        }
        return i == tokens.length ? 0 : i;
    }

    private void requireReplicaCount(int n) {
        if (n < 1 || n > vnodesByNode.size()) {
            throw new IllegalArgumentException("replica count n must be 1.." + vnodesByNode.size()
                    + " (the number of nodes in the ring), got " + n);
        }
    }

    @Override
    public String toString() {
        return "HashRing" + vnodesByNode + " (" + tokens.length + " tokens)";
    }
}
