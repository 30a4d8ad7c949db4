package io.practicalsystems.feed.cache;

import io.practicalsystems.platform.redis.LuaScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * What a timeline page shows about its posts, read from every tier in one script call (timeline-page.lua): each
 * post's content, whether its author blocked the reader, its counters, whether the reader liked it, and the post it
 * reposts. Only reads: whatever Redis lacks (a post, a counter, a cold set) is {@code null} / empty here, and the
 * caller reads it the usual way, which rebuilds it from the documents.
 */
public final class PageReads {

    private static final LuaScript PAGE = LuaScript.fromResource("/META-INF/feed/timeline-page.lua");

    private final UnifiedJedis redis;
    private final FeedKeys keys;

    public PageReads(UnifiedJedis redis, FeedKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * One post as Redis holds it.
     *
     * @param post                 the content hash (empty when Redis lacks it)
     * @param authorBlockedReader  whether the author blocked the reader; null for the reader's own post, a post
     *                             Redis lacks, or a cold block set
     * @param likes                the like count, or null when the counter is missing (and likewise below)
     * @param likedByReader        whether the reader liked it; null when the likes set is cold
     * @param shared               the reposted post's content hash (empty when none, or Redis lacks it)
     */
    public record Entry(Map<String, String> post, Boolean authorBlockedReader, Long likes, Long comments,
                        Long shares, Boolean likedByReader, Map<String, String> shared) {
    }

    /** Each post's entry, by ID, in the order asked. */
    public Map<Long, Entry> read(List<Long> postIds, long readerId) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<String> pageKeys = new ArrayList<>(3 * postIds.size());
        postIds.forEach(id -> pageKeys.add(keys.post(id)));
        postIds.forEach(id -> pageKeys.add(keys.postCounts(id)));
        postIds.forEach(id -> pageKeys.add(keys.likes(id)));
        List<?> replies = (List<?>) PAGE.run(redis, pageKeys,
                List.of(Long.toString(readerId), keys.blocksPrefix(), keys.postPrefix()));
        Map<Long, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < postIds.size(); i++) {
            entries.put(postIds.get(i), entry((List<?>) replies.get(i)));
        }
        return entries;
    }

    private static Entry entry(List<?> reply) {
        List<?> counts = (List<?>) reply.get(2);
        return new Entry(hash(reply.get(0)), membership(reply.get(1)), number(counts.get(0)),
                number(counts.get(1)), number(counts.get(2)), membership(reply.get(3)), hash(reply.get(4)));
    }

    private static Map<String, String> hash(Object flat) {
        List<?> fields = (List<?>) flat;
        Map<String, String> hash = new HashMap<>(fields.size());
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            hash.put(text(fields.get(i)), text(fields.get(i + 1)));
        }
        return hash;
    }

    /** An SMISMEMBER of the sentinel and a member: the member's presence if the set is warm, else null. */
    private static Boolean membership(Object reply) {
        List<?> found = (List<?>) reply;
        return found.size() == 2 && Long.valueOf(1).equals(found.get(0)) ? Long.valueOf(1).equals(found.get(1)) : null;
    }

    private static Long number(Object value) {
        return value == null ? null : Long.valueOf(text(value));
    }

    /** A script's string reply as Jedis hands it over (text, or bytes). */
    static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
