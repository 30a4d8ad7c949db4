package io.practicalsystems.feed.cache;

import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.post.Post;
import io.practicalsystems.platform.redis.LuaScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * The content tier: each post as a hash, with a TTL, filled from the documents on a miss. A deletion writes a
 * tombstone ({@code deleted=1}) over the entry, and filling only ever writes an absent entry, so a read that loaded
 * the post just before it was deleted cannot put it back. After a flush the document (itself a tombstone) is read.
 */
public final class PostContent {

    // Writes the entry only if none exists (not even a tombstone). KEYS[1] the hash; ARGV[1] TTL, ARGV[2..] fields.
    private static final LuaScript FILL = new LuaScript("if redis.call('EXISTS', KEYS[1]) == 0 then "
            + "redis.call('HSET', KEYS[1], unpack(ARGV, 2)); redis.call('EXPIRE', KEYS[1], ARGV[1]) end return 0");

    private final UnifiedJedis redis;
    private final FeedKeys keys;
    private final long ttlSeconds;

    public PostContent(UnifiedJedis redis, FeedKeys keys, long ttlSeconds) {
        this.redis = redis;
        this.keys = keys;
        this.ttlSeconds = ttlSeconds;
    }

    /** The post (deleted ones included, flagged), or empty when it never existed. */
    public Optional<Post> get(long postId, LongFunction<Optional<Post>> fromDocuments) {
        return Optional.ofNullable(getAll(List.of(postId), fromDocuments).get(postId));
    }

    /** The posts found, by ID (one pipelined round trip; misses read from the documents and cached). */
    public Map<Long, Post> getAll(List<Long> postIds, LongFunction<Optional<Post>> fromDocuments) {
        Supplier<Map<Long, Post>> found;
        try (AbstractPipeline pipe = redis.pipelined()) {
            found = getAllIn(pipe, postIds, fromDocuments);
            pipe.sync();
        }
        return found.get();
    }

    /** {@link #getAll}, queued on {@code pipe} with other commands: valid after the pipeline's sync. */
    public Supplier<Map<Long, Post>> getAllIn(AbstractPipeline pipe, List<Long> postIds,
                                              LongFunction<Optional<Post>> fromDocuments) {
        List<Response<Map<String, String>>> replies = new ArrayList<>(postIds.size());
        for (long id : postIds) {
            replies.add(pipe.hgetAll(keys.post(id)));
        }
        return () -> {
            Map<Long, Post> found = new HashMap<>();
            for (int i = 0; i < postIds.size(); i++) {
                long id = postIds.get(i);
                Map<String, String> hash = replies.get(i).get();
                if (hash.containsKey("text")) {
                    found.put(id, decode(id, hash));
                    continue;
                }
                Optional<Post> stored = fromDocuments.apply(id);
                stored.ifPresent(post -> {
                    boolean tombstoned = "1".equals(hash.get("deleted"));
                    fill(post);
                    found.put(id, tombstoned ? post.asDeleted() : post);
                });
            }
            return found;
        };
    }

    /** Caches a post just published (or read from the documents), unless an entry or tombstone is there. */
    public void fill(Post post) {
        List<String> args = new ArrayList<>(List.of(Long.toString(ttlSeconds), "author",
                Long.toString(post.authorId()), "text", post.text(), "createdAt", Long.toString(post.createdAtMillis()),
                "mode", post.mode().name(), "deleted", post.deleted() ? "1" : "0"));
        if (post.replyTo() != null) {
            args.addAll(List.of("replyTo", post.replyTo().toString()));
        }
        if (post.sharedFrom() != null) {
            args.addAll(List.of("sharedFrom", post.sharedFrom().toString()));
        }
        FILL.run(redis, List.of(keys.post(post.id())), args);
    }

    /** Marks the post deleted in the cache (after its document was). */
    public void tombstone(long postId) {
        String key = keys.post(postId);
        redis.hset(key, "deleted", "1");
        redis.expire(key, ttlSeconds);
    }

    private static Post decode(long id, Map<String, String> hash) {
        return new Post(id, Long.parseLong(hash.get("author")), hash.get("text"),
                Long.parseLong(hash.get("createdAt")), longOrNull(hash.get("replyTo")),
                longOrNull(hash.get("sharedFrom")), DeliveryMode.valueOf(hash.get("mode")),
                "1".equals(hash.get("deleted")));
    }

    private static Long longOrNull(String value) {
        return value == null ? null : Long.valueOf(value);
    }
}
