package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;

/**
 * What one key may hold (Riak's {@code max_object_size} and {@code max_siblings}): the bytes of all its siblings'
 * values together, and how many siblings (tombstones included).
 *
 * <p>A client write ({@link ReplicaStore#update}) that would take a key over either is refused and changes nothing:
 * blind writes to one key would otherwise pile up siblings until the heap ran out. Only growth is refused: a write that
 * resolves siblings (sent with the context of a read) never grows the key, so it is accepted even while the key is over
 * a limit (after merges, below).
 *
 * <p>A replica's merge ({@link ReplicaStore#merge}) is held to {@link #MERGE_HEADROOM} times the limits instead. Every
 * coordinator checks its own client writes, but copies written within the limits on different coordinators at the
 * same time (a partition, a blind write on each side) merge into more than either; refusing that merge would leave the
 * replicas different for good (anti-entropy would retry it forever), while accepting it keeps the merge the same
 * everywhere, so replicas converge — and the key then refuses further blind writes until a client resolves it. The
 * headroom still bounds what any copy can cost a node's heap. (Riak checks its limits where a vnode takes a put,
 * which makes replicas refuse such merges; here convergence wins within the headroom.)
 *
 * @param maxBytes    the most bytes of value, summed over the siblings
 * @param maxSiblings the most siblings, tombstones included
 */
public record ObjectLimits(long maxBytes, int maxSiblings) {

    /** How far a merge of replicas' copies may exceed the limits. */
    public static final int MERGE_HEADROOM = 4;
    private static final long MOST_BYTES = Long.MAX_VALUE / MERGE_HEADROOM;
    private static final int MOST_SIBLINGS = Integer.MAX_VALUE / MERGE_HEADROOM;
    /** 4 MiB and 32 siblings: four siblings of the largest value, many of small ones; 16 MiB a merged copy at most. */
    public static final ObjectLimits DEFAULT = new ObjectLimits(4L << 20, 32);
    /** No limit: for tests and simulations that pile up siblings on purpose. */
    public static final ObjectLimits NONE = new ObjectLimits(MOST_BYTES, MOST_SIBLINGS);

    public ObjectLimits {
        if (maxBytes < 1 || maxSiblings < 1) {
            throw new IllegalArgumentException("object limits must be positive, got " + maxBytes + " bytes and "
                    + maxSiblings + " siblings");
        }
        if (maxBytes > MOST_BYTES || maxSiblings > MOST_SIBLINGS) {
            throw new IllegalArgumentException("object limits must be at most " + MOST_BYTES + " bytes and "
                    + MOST_SIBLINGS + " siblings");
        }
    }

    /**
     * @throws ObjectLimitExceededException if a client write takes the key from {@code current} to {@code next} and
     *                                      so grows it beyond a limit
     */
    void checkWrite(String key, DottedVersionVectorSet<Blob> current, DottedVersionVectorSet<Blob> next) {
        check(key, current, next, maxBytes, maxSiblings, false);
    }

    /** @throws ObjectLimitExceededException if a merge grows the key beyond the limits' headroom */
    void checkMerge(String key, DottedVersionVectorSet<Blob> current, DottedVersionVectorSet<Blob> next) {
        check(key, current, next, maxBytes * MERGE_HEADROOM, maxSiblings * MERGE_HEADROOM, true);
    }

    private static void check(String key, DottedVersionVectorSet<Blob> current, DottedVersionVectorSet<Blob> next,
            long bytesAllowed, int siblingsAllowed, boolean merge) {
        int siblings = next.values().size();
        if (siblings > siblingsAllowed && siblings > current.values().size()) {
            throw new ObjectLimitExceededException(key, ObjectLimitExceededException.Limit.SIBLINGS, siblingsAllowed,
                    siblings, merge);
        }
        long bytes = bytesOf(next);
        if (bytes > bytesAllowed && bytes > bytesOf(current)) {
            throw new ObjectLimitExceededException(key, ObjectLimitExceededException.Limit.BYTES, bytesAllowed, bytes,
                    merge);
        }
    }

    /** Checks a change of one key's copy. */
    @FunctionalInterface
    interface Check {
        void check(String key, DottedVersionVectorSet<Blob> current, DottedVersionVectorSet<Blob> next);
    }

    /** The bytes of a copy's values, summed over its siblings (tombstones have none). */
    public static long bytesOf(DottedVersionVectorSet<Blob> copy) {
        long bytes = 0;
        for (Versioned<Blob> value : copy.values()) {
            bytes += value.isTombstone() ? 0 : value.value().size();
        }
        return bytes;
    }
}
