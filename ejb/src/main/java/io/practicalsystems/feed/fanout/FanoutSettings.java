package io.practicalsystems.feed.fanout;

/**
 * The fanout's configurable numbers.
 *
 * @param celebrityFollowers  an author with at least this many followers is a celebrity: their posts are published
 *                            as {@link DeliveryMode#PULL} (no push; merged at read time)
 * @param inactiveAfterMillis a follower last active longer ago than this gets no push; their next read rebuilds
 *                            their feed from storage instead (pushing to feeds nobody reads is wasted writes)
 * @param batchSize           most follower feeds written in one pipelined batch, so one huge fanout neither holds
 *                            a Redis connection for long nor builds one unbounded pipeline in memory
 * @param inlineBatches       most batches the publish listener pushes itself; any beyond go back to the queue as
 *                            one message per batch (bounding what one listener does, and redoes when redelivered)
 */
public record FanoutSettings(long celebrityFollowers, long inactiveAfterMillis, int batchSize, int inlineBatches) {

    public FanoutSettings {
        if (celebrityFollowers < 1) {
            throw new IllegalArgumentException("celebrityFollowers must be at least 1, got " + celebrityFollowers);
        }
        if (inactiveAfterMillis < 0) {
            throw new IllegalArgumentException("inactiveAfterMillis must not be negative, got " + inactiveAfterMillis);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (inlineBatches < 1) {
            throw new IllegalArgumentException("inlineBatches must be at least 1, got " + inlineBatches);
        }
    }

    /** Settings where the publish listener pushes only the first batch itself and queues the rest. */
    public FanoutSettings(long celebrityFollowers, long inactiveAfterMillis, int batchSize) {
        this(celebrityFollowers, inactiveAfterMillis, batchSize, 1);
    }
}
