package io.practicalsystems.feed.fanout;

/**
 * One follower of an author, with when the follower last read their home timeline (epoch millis;
 * {@link Long#MIN_VALUE} for never) — the fanout skips followers inactive for longer than
 * {@link FanoutSettings#inactiveAfterMillis()}. Only timeline reads may move this time, and a read checks
 * {@link FanoutPlanner#feedNeedsRebuild} with the stored value before recording its own: if posting or liking moved
 * it too, a follower skipped while away could come back through a post, look active at the next read, and never
 * get the skipped posts.
 */
public record Follower(long userId, long lastActiveAtMillis) {
}
