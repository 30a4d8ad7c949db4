package io.practicalsystems.kv.merkle;

/**
 * A leaf bucket whose contents differ between two replicas' {@link MerkleTree}s: the replicas should exchange the
 * (key, version digest) pairs of this bucket and then {@link KeysToExchange sync the keys that differ}.
 *
 * @param depth  depth of the trees compared
 * @param bucket leaf index, 0..2<sup>depth</sup>-1
 */
public record KeyRangeDiff(int depth, int bucket) {

    public KeyRangeDiff {
        if (depth < 0 || depth > MerkleTree.MAX_DEPTH || bucket < 0 || bucket >= 1 << depth) {
            throw new IllegalArgumentException("no bucket " + bucket + " at depth " + depth);
        }
    }

    /** Whether {@code key} falls into this bucket (to select the bucket's keys from local storage). */
    public boolean contains(String key) {
        return MerkleTree.bucketOf(key, depth) == bucket;
    }
}
