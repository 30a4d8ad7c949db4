package io.practicalsystems.feed.cache;

import io.practicalsystems.platform.redis.LuaScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The feed tier: capped sorted sets of post IDs (score and member the ID; Snowflake IDs order by time), newest kept,
 * each with a TTL that runs from its rebuild (or its creation by a push) and that reads restart. A feed is <em>complete</em> once rebuilt from the documents (it holds the sentinel {@code ~});
 * a fanout may add to a feed that is not complete (Redis lost it): the next read finds it incomplete and rebuilds,
 * merging with what was added meanwhile, so a post fanned out during a rebuild is kept either way.
 */
public final class CappedFeeds {

    private static final LuaScript ADD = LuaScript.fromResource("/META-INF/feed/feed-add.lua");
    private static final LuaScript FANOUT = LuaScript.fromResource("/META-INF/feed/feed-fanout.lua");
    private static final int REBUILD_CHUNK = 500;
    private final UnifiedJedis redis;
    private final int cap;
    private final long ttlSeconds;

    public CappedFeeds(UnifiedJedis redis, int cap, long ttlSeconds) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        this.redis = redis;
        this.cap = cap;
        this.ttlSeconds = ttlSeconds;
    }

    public int cap() {
        return cap;
    }

    /**
     * Adds one post ID to each feed in one script call (idempotent: a redelivery adds nothing twice). One call for
     * the whole batch rather than a pipelined call per feed: the per-call overhead in Redis (script lookup, argument
     * parsing, reply) was most of a fanout's cost. The caller bounds the batch (the fanout's batch size), since the
     * call holds Redis for its length. Under Redis Cluster a batch would have to be grouped by hash slot first.
     */
    public void addToEach(Collection<String> feedKeys, long postId) {
        if (feedKeys.isEmpty()) {
            return;
        }
        FANOUT.run(redis, List.copyOf(feedKeys),
                List.of(Integer.toString(cap), Long.toString(ttlSeconds), Long.toString(postId)));
    }

    /**
     * One batch of a fanout: the post ID into each of {@code feedKeys}, then {@code announcement} published on
     * {@code channel} (the live feed) by the same script call.
     */
    public record Push(List<String> feedKeys, long postId, String channel, String announcement) {

        public Push {
            feedKeys = List.copyOf(feedKeys);
        }
    }

    /**
     * Runs each push as one script call (the adds, then its announcement: one command per batch), all of them on one
     * pipeline read back once at the end. Jedis writes each call out as it is built, so Redis runs a batch while the
     * next is still being built, nothing waits between batches, and memory holds no more than the socket buffers and
     * one small reply per batch (the caller bounds how many batches: ps.feed.fanout.inline-batches). Idempotent like
     * {@link #addToEach}. A call Redis refused for lack of the script (restarted, or its script cache flushed) is run
     * again after loading it; its announcement was not sent, so it is sent once.
     */
    public void pushEach(List<Push> pushes) {
        pushEach(pushes, push -> push);
    }

    /** {@link #pushEach(List)} of each batch made into its push only when it is sent. */
    public <B> void pushEach(List<B> batches, Function<B, Push> toPush) {
        List<B> refused = runPipelined(batches, toPush);
        if (!refused.isEmpty()) {
            FANOUT.load(redis);
            if (!runPipelined(refused, toPush).isEmpty()) {
                throw new IllegalStateException("Redis refused feed-fanout.lua right after loading it");
            }
        }
    }

    /** The batches whose calls Redis refused with NOSCRIPT; any other error is thrown. */
    private <B> List<B> runPipelined(List<B> batches, Function<B, Push> toPush) {
        List<Response<Object>> replies = new ArrayList<>(batches.size());
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (B batch : batches) {
                Push push = toPush.apply(batch);
                replies.add(FANOUT.runIn(pipe, push.feedKeys(), List.of(Integer.toString(cap),
                        Long.toString(ttlSeconds), Long.toString(push.postId()), push.channel(), push.announcement())));
            }
            pipe.sync();
        }
        List<B> refused = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            try {
                replies.get(i).get();
            } catch (JedisDataException e) {
                if (!LuaScript.isNoScript(e)) {
                    throw e;
                }
                refused.add(batches.get(i));
            }
        }
        return refused;
    }

    /**
     * Whether the feed's TTL has run below half, queued on {@code pipe} (valid after its sync): a read then restarts
     * it with {@link #keepIn}. Pushes leave an existing feed's TTL alone (see feed-fanout.lua), so a feed that is read
     * stays and one nobody reads expires; checking first keeps the read path from writing an EXPIRE every time.
     */
    public Supplier<Boolean> ageingIn(AbstractPipeline pipe, String key) {
        Response<Long> ttl = pipe.ttl(key);
        return () -> {
            long left = ttl.get();
            return left == -1 || (left >= 0 && left < ttlSeconds / 2); // -1: no TTL (never left so); -2: no feed
        };
    }

    /** Restarts the feed's TTL, queued on {@code pipe}. */
    public void keepIn(AbstractPipeline pipe, String key) {
        pipe.expire(key, ttlSeconds);
    }

    /** Removes a post ID from each feed, pipelined. */
    public void removeFromEach(Collection<String> feedKeys, long postId) {
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (String key : feedKeys) {
                pipe.zrem(key, Long.toString(postId));
            }
            pipe.sync();
        }
    }

    /**
     * The feed, newest first, at most {@code cap} IDs — rebuilding it first from {@code fromDocuments} (newest first
     * or not; the newest {@code cap} are kept) when it is not complete or {@code forceRebuild} says it may lack posts.
     */
    public List<Long> read(String key, boolean forceRebuild, Supplier<? extends Collection<Long>> fromDocuments) {
        if (!forceRebuild) {
            Optional<List<Long>> complete = readIfComplete(key);
            if (complete.isPresent()) {
                return complete.get();
            }
        }
        rebuild(key, fromDocuments.get());
        return readIfComplete(key).orElseGet(List::of);
    }

    /** The feed newest first if it is complete; empty when it must be rebuilt. */
    public Optional<List<Long>> readIfComplete(String key) {
        return parse(redis.zrevrange(key, 0, cap));
    }

    /** Each feed newest first if it is complete, else empty, in one pipelined round trip. */
    public List<Optional<List<Long>>> readEachIfComplete(List<String> feedKeys) {
        List<Supplier<Optional<List<Long>>>> replies = new ArrayList<>(feedKeys.size());
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (String key : feedKeys) {
                replies.add(readIfCompleteIn(pipe, key));
            }
            pipe.sync();
        }
        return replies.stream().map(Supplier::get).toList();
    }

    /** {@link #readIfComplete}, queued on {@code pipe} with other commands: valid after the pipeline's sync. */
    public Supplier<Optional<List<Long>>> readIfCompleteIn(AbstractPipeline pipe, String key) {
        return readNewestIfCompleteIn(pipe, key, cap);
    }

    /**
     * Only the newest {@code count} IDs (at most the cap) of a complete feed, else empty, queued on {@code pipe}: for
     * a first page, which rarely needs the whole feed (Redis sends, and Java parses, what is asked for).
     */
    public Supplier<Optional<List<Long>>> readNewestIfCompleteIn(AbstractPipeline pipe, String key, int count) {
        Response<List<String>> reply = pipe.zrevrange(key, 0, Math.min(count, cap));
        return () -> parse(reply.get());
    }

    private Optional<List<Long>> parse(List<String> raw) {
        if (raw.isEmpty() || !CachedSets.SENTINEL.equals(raw.get(0))) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>(raw.size() - 1);
        for (int i = 1; i < raw.size(); i++) {
            ids.add(Long.parseLong(raw.get(i)));
        }
        // Scores are doubles (53 bits); equal scores order by member text, which for IDs of one length is numeric,
        // but sorting here makes the order exact whatever the lengths.
        ids.sort(Comparator.reverseOrder());
        return Optional.of(ids.size() > cap ? ids.subList(0, cap) : ids);
    }

    /** Merges the IDs into the feed (keeping what is there) and marks it complete. */
    void rebuild(String key, Collection<Long> ids) {
        List<Long> newest = new ArrayList<>(ids);
        newest.sort(Comparator.reverseOrder());
        if (newest.size() > cap) {
            newest = newest.subList(0, cap);
        }
        List<String> header = List.of(Integer.toString(cap), Long.toString(ttlSeconds));
        for (int from = 0; from < newest.size(); from += REBUILD_CHUNK) {
            List<String> args = new ArrayList<>(header);
            args.add("0");
            newest.subList(from, Math.min(newest.size(), from + REBUILD_CHUNK)).forEach(id -> args.add(id.toString()));
            ADD.run(redis, List.of(key), args);
        }
        List<String> complete = new ArrayList<>(header);
        complete.add("1");
        ADD.run(redis, List.of(key), complete);
    }
}
