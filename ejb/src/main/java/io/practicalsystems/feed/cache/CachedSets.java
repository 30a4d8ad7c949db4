package io.practicalsystems.feed.cache;

import io.practicalsystems.platform.redis.LuaScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Sets cached in Redis over the documents (the social graph and actions tiers) with their counts (the counters
 * tier). A set is <em>warm</em> once loaded from the documents (it then holds the sentinel {@code ~}) and
 * <em>cold</em> when Redis lost it (flushed, expired): a change to a cold set loads it first, from the documents,
 * and is then applied. The documents are always written before the cache, a load only ever fills a cold set, and
 * never with a copy read before Redis was flushed, so a change is never lost nor counted twice however loads,
 * changes and flushes interleave (see set-change.lua, set-load.lua).
 */
public final class CachedSets {

    static final String SENTINEL = "~";
    private static final int LOAD_CHUNK = 1000;
    private static final int MAX_ATTEMPTS = 5;
    /** How long a set's load generation lives: far more than a load takes (one that outlives it is refused). */
    private static final long GENERATION_SECONDS = 300;
    private static final LuaScript CHANGE = LuaScript.fromResource("/META-INF/feed/set-change.lua");
    private static final LuaScript LOAD = LuaScript.fromResource("/META-INF/feed/set-load.lua");

    private final UnifiedJedis redis;
    private final FeedKeys keys;
    private final long ttlSeconds;

    public CachedSets(UnifiedJedis redis, FeedKeys keys, long ttlSeconds) {
        this.redis = redis;
        this.keys = keys;
        this.ttlSeconds = ttlSeconds;
    }

    /**
     * One cached set: its key, the counters hash and field its size is kept in, and how to read it from the
     * documents when it is cold.
     */
    public record Ref(String key, String countsKey, String countField, Supplier<? extends Collection<Long>> loader) {
    }

    /**
     * The outcome of a change: whether this call changed the cached set (false when the member was there / absent
     * already — including when the load this call triggered read it from the documents) and the set's size.
     */
    public record Change(boolean changed, long count) {
    }

    public Change add(Ref set, long member) {
        return change(set, "add", member);
    }

    public Change remove(Ref set, long member) {
        return change(set, "remove", member);
    }

    /** The members (loading the set if cold). */
    public Set<Long> members(Ref set) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Set<Long> members = parseIfWarm(redis.smembers(set.key()));
            if (members != null) {
                return members;
            }
            load(set);
        }
        throw coldAfterLoading(set);
    }

    /**
     * The members, read with the other commands queued on {@code pipe}: the answer is valid after the pipeline's
     * sync (a cold set is then loaded and read as in {@link #members}).
     */
    public Supplier<Set<Long>> membersIn(AbstractPipeline pipe, Ref set) {
        Response<Set<String>> reply = pipe.smembers(set.key());
        return () -> {
            Set<Long> members = parseIfWarm(reply.get());
            return members != null ? members : members(set);
        };
    }

    private static Set<Long> parseIfWarm(Set<String> raw) {
        if (!raw.contains(SENTINEL)) {
            return null;
        }
        Set<Long> members = new HashSet<>(raw.size());
        for (String m : raw) {
            if (!SENTINEL.equals(m)) {
                members.add(Long.parseLong(m));
            }
        }
        return members;
    }

    public boolean contains(Ref set, long member) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<Boolean> found = redis.smismember(set.key(), SENTINEL, Long.toString(member));
            if (found.get(0)) {
                return found.get(1);
            }
            load(set);
        }
        throw coldAfterLoading(set);
    }

    /** The size, from the counters tier; a counter Redis lost is recounted from the (loaded) set. */
    public long count(Ref set) {
        String cached = redis.hget(set.countsKey(), set.countField());
        if (cached != null) { // written only by the scripts, with the set's own count: never ahead or behind it
            return Long.parseLong(cached);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            // A no-op change (removing the sentinel's impossible twin) recounts the set into the counters hash.
            Object result = CHANGE.run(redis, List.of(set.key(), set.countsKey()),
                    List.of(set.countField(), Long.toString(ttlSeconds), "remove", "-"));
            if (result instanceof List<?> pair) {
                return (Long) pair.get(1);
            }
            load(set);
        }
        throw coldAfterLoading(set);
    }

    /** Whether each set holds {@code member}, in one pipelined round trip; cold sets are loaded as in contains. */
    public List<Boolean> containsEach(List<Ref> refs, long member) {
        Supplier<List<Boolean>> found;
        try (AbstractPipeline pipe = redis.pipelined()) {
            found = containsEachIn(pipe, refs, member);
            pipe.sync();
        }
        return found.get();
    }

    /** {@link #containsEach}, queued on {@code pipe} with other commands: valid after the pipeline's sync. */
    public Supplier<List<Boolean>> containsEachIn(AbstractPipeline pipe, List<Ref> refs, long member) {
        List<Response<List<Boolean>>> replies = new ArrayList<>(refs.size());
        for (Ref set : refs) {
            replies.add(pipe.smismember(set.key(), SENTINEL, Long.toString(member)));
        }
        return () -> {
            List<Boolean> found = new ArrayList<>(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                List<Boolean> reply = replies.get(i).get();
                found.add(reply.get(0) ? reply.get(1) : contains(refs.get(i), member));
            }
            return found;
        };
    }

    /** The size of each set, in one pipelined round trip; a counter Redis lost is recounted as in count. */
    public List<Long> countEach(List<Ref> refs) {
        Supplier<List<Long>> counts;
        try (AbstractPipeline pipe = redis.pipelined()) {
            counts = countEachIn(pipe, refs);
            pipe.sync();
        }
        return counts.get();
    }

    /** {@link #countEach}, queued on {@code pipe} with other commands: valid after the pipeline's sync. */
    public Supplier<List<Long>> countEachIn(AbstractPipeline pipe, List<Ref> refs) {
        List<Response<String>> replies = new ArrayList<>(refs.size());
        for (Ref set : refs) {
            replies.add(pipe.hget(set.countsKey(), set.countField()));
        }
        return () -> {
            List<Long> counts = new ArrayList<>(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                String cached = replies.get(i).get();
                counts.add(cached != null ? Long.parseLong(cached) : count(refs.get(i)));
            }
            return counts;
        };
    }

    private Change change(Ref set, String op, long member) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Object result = CHANGE.run(redis, List.of(set.key(), set.countsKey()),
                    List.of(set.countField(), Long.toString(ttlSeconds), op, Long.toString(member)));
            if (result instanceof List<?> pair) {
                return new Change((Long) pair.get(0) == 1L, (Long) pair.get(1));
            }
            load(set);
        }
        throw coldAfterLoading(set);
    }

    /**
     * Reads the set's load generation, fills a staging set from the documents in pipelined chunks, then swaps it in
     * if the set is still cold and Redis was not flushed in between (the generation unchanged).
     */
    void load(Ref set) {
        String token = UUID.randomUUID().toString();
        String generationKey = keys.loadGeneration(set.key());
        String generation = generation(generationKey, token); // before the documents are read: set-load.lua
        List<String> members = new ArrayList<>();
        for (Long m : set.loader().get()) {
            members.add(Long.toString(m));
        }
        String staging = keys.staging(token);
        if (!members.isEmpty()) {
            try (AbstractPipeline pipe = redis.pipelined()) {
                for (int from = 0; from < members.size(); from += LOAD_CHUNK) {
                    pipe.sadd(staging, members.subList(from, Math.min(members.size(), from + LOAD_CHUNK))
                            .toArray(String[]::new));
                }
                pipe.expire(staging, GENERATION_SECONDS);
                pipe.sync();
            }
        }
        LOAD.run(redis, List.of(set.key(), set.countsKey(), staging, generationKey),
                List.of(set.countField(), Long.toString(ttlSeconds), generation));
    }

    /** The set's load generation, created as {@code candidate} if Redis has none (never loaded, or lost it). */
    private String generation(String key, String candidate) {
        String current = redis.get(key);
        while (current == null) {
            redis.set(key, candidate, SetParams.setParams().nx().ex(GENERATION_SECONDS));
            current = redis.get(key);
        }
        return current;
    }

    private static IllegalStateException coldAfterLoading(Ref set) {
        return new IllegalStateException("the cached set " + set.key() + " went cold again after each of "
                + MAX_ATTEMPTS + " loads (is Redis being flushed continuously, or evicting at once?)");
    }
}
