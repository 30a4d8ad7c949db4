package io.practicalsystems.feed.application;

import io.practicalsystems.feed.fanout.FanoutSettings;
import io.practicalsystems.feed.timeline.HomeFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The news feed's settings (MicroProfile Config keys {@code ps.feed.*}, env {@code PS_FEED_*}; server.xml holds the
 * defaults as {@code <variable>}s). Out-of-range values fail on first use with the key's name.
 */
@ApplicationScoped
public class FeedSettings {

    /** An author with at least this many followers publishes PULL posts (merged at read time, never pushed). */
    @Inject
    @ConfigProperty(name = "ps.feed.celebrity-followers", defaultValue = "10000")
    long celebrityFollowers;

    /** A follower who has not read their timeline for this long gets no pushes; their next read rebuilds. */
    @Inject
    @ConfigProperty(name = "ps.feed.inactive-after.ms", defaultValue = "2592000000")
    long inactiveAfterMillis;

    /** Home feeds written per script call, and per JMS message when a fanout is split. */
    @Inject
    @ConfigProperty(name = "ps.feed.fanout.batch-size", defaultValue = "1000")
    int batchSize;

    /**
     * Batches the publish listener pushes itself, without a message per batch to commit and deliver first; the rest
     * of a larger fanout goes back to the queue, one message per batch.
     */
    @Inject
    @ConfigProperty(name = "ps.feed.fanout.inline-batches", defaultValue = "100")
    int inlineBatches;

    /** TTL of every cached feed, set and counter (seconds); a cold entry is rebuilt from the documents. */
    @Inject
    @ConfigProperty(name = "ps.feed.cache.ttl.seconds", defaultValue = "604800")
    long cacheTtlSeconds;

    /** TTL of cached post bodies (seconds). */
    @Inject
    @ConfigProperty(name = "ps.feed.content.ttl.seconds", defaultValue = "86400")
    long contentTtlSeconds;

    /** Lets tests make the fanout listener fail a marked message once, to exercise JMS redelivery. Off in production. */
    @Inject
    @ConfigProperty(name = "ps.feed.fault-injection.enabled", defaultValue = "false")
    boolean faultInjectionEnabled;

    public FanoutSettings fanout() {
        try {
            return new FanoutSettings(celebrityFollowers, inactiveAfterMillis, batchSize, inlineBatches);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ps.feed.celebrity-followers / ps.feed.inactive-after.ms / "
                    + "ps.feed.fanout.batch-size / ps.feed.fanout.inline-batches: " + e.getMessage(), e);
        }
    }

    public int feedCap() {
        return HomeFeed.DEFAULT_CAP;
    }

    public long cacheTtlSeconds() {
        return positive("ps.feed.cache.ttl.seconds", cacheTtlSeconds);
    }

    public long contentTtlSeconds() {
        return positive("ps.feed.content.ttl.seconds", contentTtlSeconds);
    }

    public boolean faultInjectionEnabled() {
        return faultInjectionEnabled;
    }

    private static long positive(String key, long value) {
        if (value < 1) {
            throw new IllegalStateException(key + " must be at least 1, got " + value);
        }
        return value;
    }
}
