package io.practicalsystems.feed.cache;

import io.practicalsystems.platform.redis.LuaScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * What a home-timeline read merges, read from the tiers in one script call (timeline-sources.lua), with the read
 * recorded when the reader is still active. Only reads (and that record): whatever Redis lacks — a cold set, an
 * incomplete feed — is {@code null} / empty here, and the caller reads it the usual way, which rebuilds it.
 */
public final class TimelineSources {

    private static final LuaScript SOURCES = LuaScript.fromResource("/META-INF/feed/timeline-sources.lua");

    private final UnifiedJedis redis;
    private final FeedKeys keys;
    private final CappedFeeds feeds;

    public TimelineSources(UnifiedJedis redis, FeedKeys keys, CappedFeeds feeds) {
        this.redis = redis;
        this.keys = keys;
        this.feeds = feeds;
    }

    /**
     * @param lastRead  when the reader last read their timeline, {@link Long#MIN_VALUE} for never (or forgotten)
     * @param recorded  whether this read was recorded (the reader was active: last read at or after
     *                  {@code activeSince}); if not, the caller records it after rebuilding the feed
     * @param following whom the reader follows; null when the set is cold
     * @param home      the pushed home feed, newest first; empty when it is not complete
     * @param blocks    whom the reader blocked; null when the set is cold
     * @param pulled    the recent PULL posts (newest first; empty when not complete) of each followed author, and the
     *                  reader, who ever published one; null when the following or PULL-authors set is cold
     */
    public record Read(long lastRead, boolean recorded, Set<Long> following, Optional<List<Long>> home,
                       Set<Long> blocks, Map<Long, Optional<List<Long>>> pulled) {
    }

    /**
     * Reads the sources of {@code readerId}'s timeline at {@code nowMillis}: the newest {@code homeCount} IDs of the
     * home feed (at most the cap), every PULL list whole; records the read (kept for {@code lastReadTtlMillis}) if
     * the reader last read at or after {@code activeSince}.
     */
    public Read read(long readerId, long nowMillis, long activeSince, long lastReadTtlMillis, int homeCount) {
        List<?> reply = (List<?>) SOURCES.run(redis,
                List.of(keys.lastRead(readerId), keys.following(readerId), keys.home(readerId), keys.pullAuthors(),
                        keys.blocks(readerId)),
                List.of(Long.toString(readerId), Long.toString(nowMillis), Long.toString(activeSince),
                        Long.toString(lastReadTtlMillis), Integer.toString(Math.min(homeCount, feeds.cap())),
                        Long.toString(feeds.ttlSeconds()), keys.pulledPrefix(),
                        Integer.toString(feeds.cap())));
        long lastRead = reply.get(0) == null ? Long.MIN_VALUE : Long.parseLong(PageReads.text(reply.get(0)));
        Map<Long, Optional<List<Long>>> pulled = null;
        if (reply.get(5) != null) {
            List<?> authors = (List<?>) reply.get(5);
            List<?> lists = (List<?>) reply.get(6);
            pulled = new LinkedHashMap<>();
            for (int i = 0; i < authors.size(); i++) {
                pulled.put(Long.parseLong(PageReads.text(authors.get(i))), feeds.parse(texts(lists.get(i))));
            }
        }
        return new Read(lastRead, Long.valueOf(1).equals(reply.get(1)), warm(reply.get(2)),
                feeds.parse(texts(reply.get(3))), warm(reply.get(4)), pulled);
    }

    private static Set<Long> warm(Object members) {
        return CachedSets.parseIfWarm(new LinkedHashSet<>(texts(members)));
    }

    private static List<String> texts(Object list) {
        List<?> items = (List<?>) list;
        List<String> texts = new ArrayList<>(items.size());
        for (Object item : items) {
            texts.add(PageReads.text(item));
        }
        return texts;
    }
}
