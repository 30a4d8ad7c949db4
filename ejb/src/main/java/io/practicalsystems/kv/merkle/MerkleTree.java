package io.practicalsystems.kv.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A hash tree over the keys of one key range: 2<sup>depth</sup> leaves, each a bucket of keys chosen by a hash of the
 * key; a leaf's hash covers its sorted (key, version digest) pairs, an inner node's hash covers its two children.
 * Replicas with equal root hashes hold the same versions; otherwise {@link #diff} descends only into differing
 * subtrees and names the buckets whose keys need exchanging.
 *
 * <p>Immutable. Keys are assigned to buckets by a domain-separated SHA-256, independent of whatever hash the ring uses
 * to assign keys to ranges — with the same hash, every key of a range would share its top bits and land in one
 * bucket.
 */
public final class MerkleTree {

    public static final int MAX_DEPTH = 16;
    public static final int HASH_BYTES = 32;

    private static final byte[] BUCKET_DOMAIN = "kv-merkle-bucket\0".getBytes(StandardCharsets.UTF_8);
    // Different prefixes for leaves and inner nodes, so a leaf can never be passed off as an inner node.
    private static final byte LEAF_TAG = 0;
    private static final byte INNER_TAG = 1;

    private final int depth;
    /** Heap layout: node (level, index) at {@code (1 << level) + index}; slot 0 unused. */
    private final byte[][] hashes;

    private MerkleTree(int depth, byte[][] hashes) {
        this.depth = depth;
        this.hashes = hashes;
    }

    /**
     * Builds the tree of a key range.
     *
     * @param depth                0..{@value #MAX_DEPTH}; more leaves mean smaller exchanges but a bigger tree
     * @param versionDigestsByKey  every key of the range with a digest of its versions (e.g. the dotted version
     *                             vector set's {@code versionDigest()}); the map is not retained
     */
    public static MerkleTree build(int depth, Map<String, byte[]> versionDigestsByKey) {
        checkDepth(depth);
        List<SortedMap<String, byte[]>> buckets = new ArrayList<>(1 << depth);
        for (int i = 0; i < 1 << depth; i++) {
            buckets.add(new TreeMap<>());
        }
        versionDigestsByKey.forEach((key, digest) -> buckets.get(bucketOf(Objects.requireNonNull(key, "key"), depth))
                .put(key, Objects.requireNonNull(digest, "version digest of " + key)));
        List<byte[]> leaves = new ArrayList<>(buckets.size());
        buckets.forEach(bucket -> leaves.add(leafHash(bucket)));
        return fromLeafHashes(depth, leaves);
    }

    /** Rebuilds a tree from its {@link #leafHashes()}, e.g. as received from another replica. */
    public static MerkleTree fromLeafHashes(int depth, List<byte[]> leafHashes) {
        checkDepth(depth);
        int leafCount = 1 << depth;
        if (leafHashes.size() != leafCount) {
            throw new IllegalArgumentException(
                    "depth " + depth + " needs " + leafCount + " leaf hashes, got " + leafHashes.size());
        }
        byte[][] hashes = new byte[2 * leafCount][];
        for (int i = 0; i < leafCount; i++) {
            byte[] leaf = leafHashes.get(i);
            if (leaf == null || leaf.length != HASH_BYTES) {
                throw new IllegalArgumentException("leaf hash " + i + " must be " + HASH_BYTES + " bytes");
            }
            hashes[leafCount + i] = leaf.clone();
        }
        for (int node = leafCount - 1; node >= 1; node--) {
            hashes[node] = sha256(new byte[] {INNER_TAG}, hashes[2 * node], hashes[2 * node + 1]);
        }
        return new MerkleTree(depth, hashes);
    }

    /** The leaf bucket {@code key} belongs to in a tree of {@code depth}. */
    public static int bucketOf(String key, int depth) {
        checkDepth(depth);
        if (depth == 0) {
            return 0;
        }
        byte[] hash = sha256(BUCKET_DOMAIN, key.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(hash).getInt() >>> (Integer.SIZE - depth);
    }

    /**
     * The buckets whose contents differ between two trees of the same range, in bucket order. Compares the roots and
     * descends only into children whose hashes differ, so a single differing bucket costs {@code 2 * depth + 1} hash
     * comparisons, not {@code 2^depth}.
     *
     * @throws IllegalArgumentException if the depths differ (bucket numbers would mean different key sets)
     */
    public static List<KeyRangeDiff> diff(MerkleTree a, MerkleTree b) {
        return diff(a, b, () -> { });
    }

    /** {@link #diff(MerkleTree, MerkleTree)}, calling {@code onNodeCompared} per hash comparison (for tests). */
    static List<KeyRangeDiff> diff(MerkleTree a, MerkleTree b, Runnable onNodeCompared) {
        if (a.depth != b.depth) {
            throw new IllegalArgumentException(
                    "cannot diff Merkle trees of different depths: " + a.depth + " and " + b.depth);
        }
        List<KeyRangeDiff> differing = new ArrayList<>();
        descend(a, b, 1, onNodeCompared, differing);
        return List.copyOf(differing);
    }

    private static void descend(MerkleTree a, MerkleTree b, int node, Runnable onNodeCompared,
            List<KeyRangeDiff> differing) {
        onNodeCompared.run();
        if (Arrays.equals(a.hashes[node], b.hashes[node])) {
            return;
        }
        int leafCount = 1 << a.depth;
        if (node >= leafCount) {
            differing.add(new KeyRangeDiff(a.depth, node - leafCount));
            return;
        }
        descend(a, b, 2 * node, onNodeCompared, differing);
        descend(a, b, 2 * node + 1, onNodeCompared, differing);
    }

    public int depth() {
        return depth;
    }

    public int leafCount() {
        return 1 << depth;
    }

    public byte[] rootHash() {
        return hashes[1].clone();
    }

    /** The hash of node {@code index} (0-based, left to right) on {@code level} (0 = root, {@code depth} = leaves). */
    public byte[] nodeHash(int level, int index) {
        if (level < 0 || level > depth || index < 0 || index >= 1 << level) {
            throw new IndexOutOfBoundsException("no node " + index + " on level " + level + " of depth " + depth);
        }
        return hashes[(1 << level) + index].clone();
    }

    public List<byte[]> leafHashes() {
        List<byte[]> leaves = new ArrayList<>(leafCount());
        for (int i = 0; i < leafCount(); i++) {
            leaves.add(hashes[leafCount() + i].clone());
        }
        return leaves;
    }

    /** Hash of a bucket's entries in key order, each length-prefixed so no two bucket contents hash alike. */
    static byte[] leafHash(SortedMap<String, byte[]> bucket) {
        MessageDigest sha = newSha256();
        sha.update(LEAF_TAG);
        bucket.forEach((key, digest) -> {
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(keyBytes.length).array());
            sha.update(keyBytes);
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(digest.length).array());
            sha.update(digest);
        });
        return sha.digest();
    }

    private static byte[] sha256(byte[]... parts) {
        MessageDigest sha = newSha256();
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static void checkDepth(int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Merkle tree depth must be in 0.." + MAX_DEPTH + ", got " + depth);
        }
    }

    @Override
    public String toString() {
        return "MerkleTree{depth=" + depth + ", root=" + HexFormat.of().formatHex(hashes[1], 0, 8) + "…}";
    }
}
