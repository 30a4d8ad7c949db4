package io.practicalsystems.crawler.frontier;

import io.practicalsystems.platform.redis.LuaScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@link Frontier} every server shares, in Redis (key layout: {@link FrontierKeys}). {@code offer},
 * {@code claim} and {@code complete} are each one Lua script ({@code META-INF/crawler/frontier/*.lua}), atomic, run by
 * SHA ({@link LuaScript}); they read the time from Redis {@code TIME}, so servers whose clocks disagree still share
 * one schedule and one notion of an expired lease.
 *
 * <p>Bounded work per call: an offer is sent in batches of {@value #OFFER_BATCH} URLs (each batch atomic), a claim
 * reclaims at most {@value #RECLAIM_LIMIT} expired leases and examines at most {@value #CLAIM_SCAN_FACTOR} due
 * hosts per URL it may claim (at least {@value #MIN_CLAIM_SCAN}, those due longest), a host page holds at most
 * {@value FrontierArgs#MAX_HOST_PAGE} hosts.
 *
 * <p>The seen set holds 128-bit hashes (SHA-256, truncated) of the URLs rather than the URLs: 22 bytes each
 * whatever the URL's length; two URLs colliding is as likely as 2<sup>-64</sup> after 2<sup>32</sup> URLs. Or,
 * for the crawls {@link SeenSets} says so, a Bloom filter: fixed memory, a configured false-positive rate.
 */
public final class RedisFrontier implements Frontier {

    static final int OFFER_BATCH = 256;
    static final int RECLAIM_LIMIT = InMemoryFrontier.RECLAIM_LIMIT;
    static final int CLAIM_SCAN_FACTOR = 4;
    static final int MIN_CLAIM_SCAN = 64;

    private static final String SCRIPTS = "/META-INF/crawler/frontier/";
    private static final LuaScript OFFER = LuaScript.fromResource(SCRIPTS + "offer.lua");
    private static final LuaScript CLAIM = LuaScript.fromResource(SCRIPTS + "claim.lua");
    private static final LuaScript COMPLETE = LuaScript.fromResource(SCRIPTS + "complete.lua");
    private static final LuaScript STATS = LuaScript.fromResource(SCRIPTS + "stats.lua");
    private static final LuaScript HOSTS = LuaScript.fromResource(SCRIPTS + "hosts.lua");
    private static final LuaScript RESTORE = LuaScript.fromResource(SCRIPTS + "restore.lua");
    /** KEYS[1] in flight; ARGV[1] token, ARGV[2] now in ms or ''. The lease's ms left, 0 when not in flight or expired. */
    private static final LuaScript HOLDS = new LuaScript("""
            local expires = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if not expires then return 0 end
            local now = tonumber(ARGV[2])
            if now == nil then
              local t = redis.call('TIME')
              now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            end
            if tonumber(expires) > now then return tonumber(expires) - now end
            return 0""");
    /** KEYS[1] ready, KEYS[2] in flight; ARGV[1] now in ms or ''. Returns {ms until due} or {} when nothing is. */
    private static final LuaScript UNTIL_DUE = new LuaScript("""
            local now = tonumber(ARGV[1])
            if now == nil then
              local t = redis.call('TIME')
              now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            end
            local due = nil
            for _, key in ipairs(KEYS) do
              local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              if #first > 0 then
                local wait = math.max(0, tonumber(first[2]) - now)
                if due == nil or wait < due then due = wait end
              end
            end
            if due == nil then return {} end
            return {due}""");
    private static final LuaScript TIME = new LuaScript(
            "local t = redis.call('TIME') return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)");

    private final UnifiedJedis redis;
    private final String keyPrefix;
    private final SeenSets seenSets;
    private final LongSupplier testClock;

    public RedisFrontier(UnifiedJedis redis) {
        this(redis, "");
    }

    /** @param keyPrefix put before every key, e.g. a unique one per test; "" in production */
    public RedisFrontier(UnifiedJedis redis, String keyPrefix) {
        this(redis, keyPrefix, null);
    }

    /**
     * @param bloom the seen set's Bloom filter, or null for the exact set; every server working a crawl must pass
     *              the same (so construct one frontier per crawl from the crawl's definition)
     */
    public RedisFrontier(UnifiedJedis redis, String keyPrefix, SeenBloomFilter bloom) {
        this(redis, keyPrefix, bloom, null);
    }

    /** A frontier whose crawls each use the seen set {@code seenSets} names (from their definitions). */
    public static RedisFrontier perCrawlSeenSets(UnifiedJedis redis, String keyPrefix, SeenSets seenSets) {
        return new RedisFrontier(redis, keyPrefix, Objects.requireNonNull(seenSets, "seenSets"), null);
    }

    /**
     * For tests only: {@code testClock} replaces Redis {@code TIME} (it is sent to the scripts as an argument), so
     * scheduling and lease expiry can be tested on a simulated clock against the real scripts.
     */
    RedisFrontier(UnifiedJedis redis, String keyPrefix, SeenBloomFilter bloom, LongSupplier testClock) {
        this(redis, keyPrefix, crawlId -> bloom, testClock);
    }

    RedisFrontier(UnifiedJedis redis, String keyPrefix, SeenSets seenSets, LongSupplier testClock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.seenSets = seenSets;
        this.testClock = testClock;
    }

    /** The key names of one crawl. */
    public FrontierKeys keys(String crawlId) {
        return new FrontierKeys(keyPrefix, crawlId);
    }

    @Override
    public OfferResult offer(String crawlId, Collection<FrontierUrl> urls, FrontierLimits limits) {
        Objects.requireNonNull(limits, "limits");
        FrontierKeys keys = keys(crawlId);
        SeenBloomFilter bloom = seenSets.bloomFilterOf(crawlId);
        List<String> scriptKeys = List.of(bloom == null ? keys.seen() : keys.seenBloom(), keys.ready(), keys.hosts(),
                keys.counters(), keys.pathVariants());
        List<FrontierUrl> all = List.copyOf(urls);
        OfferResult total = OfferResult.NONE;
        for (int from = 0; from < all.size(); from += OFFER_BATCH) {
            List<String> args = new ArrayList<>(List.of(keys.base(), Long.toString(limits.maxDepth()),
                    Long.toString(limits.maxPagesPerHost()), Long.toString(limits.maxQueryVariantsPerPath()),
                    bloom == null ? "exact" : "bloom"));
            for (FrontierUrl url : all.subList(from, Math.min(all.size(), from + OFFER_BATCH))) {
                String seen = bloom == null ? seenKey(url.url()) : bloom.positions(url.url());
                args.addAll(Arrays.asList(seen, url.url(), url.hostKey(), Integer.toString(url.depth()),
                        Integer.toString(url.priority()), url.pathKey() == null ? "" : url.pathKey(),
                        url.kind().name()));
            }
            List<Long> counts = longs(OFFER.run(redis, scriptKeys, args), 5, "offer");
            total = total.plus(new OfferResult(Math.toIntExact(counts.get(0)), Math.toIntExact(counts.get(1)),
                    Math.toIntExact(counts.get(2)), Math.toIntExact(counts.get(3)), Math.toIntExact(counts.get(4))));
        }
        return total;
    }

    @Override
    public List<Claim> claim(String crawlId, String workerId, int maxClaims, long leaseMs, FrontierLimits limits,
                             long aheadMs) {
        FrontierArgs.claimArgs(workerId, maxClaims, leaseMs, aheadMs);
        Objects.requireNonNull(limits, "limits");
        FrontierKeys keys = keys(crawlId);
        int scan = Math.min(FrontierArgs.MAX_CLAIMS * CLAIM_SCAN_FACTOR,
                Math.max(MIN_CLAIM_SCAN, maxClaims * CLAIM_SCAN_FACTOR));
        Object reply = CLAIM.run(redis, List.of(keys.ready(), keys.inFlight(), keys.claims(), keys.counters()),
                List.of(keys.base(), testNow(), workerId, Integer.toString(maxClaims), Long.toString(leaseMs),
                        Long.toString(limits.maxPages()), Long.toString(limits.maxPagesPerHost()),
                        Integer.toString(RECLAIM_LIMIT), Integer.toString(scan), Long.toString(aheadMs)));
        List<Claim> claims = new ArrayList<>();
        for (Object item : list(reply, "claim")) {
            List<?> c = list(item, "claim");
            claims.add(new Claim(string(c.get(0)), string(c.get(1)), Math.toIntExact(number(c.get(2))),
                    UrlKind.valueOf(string(c.get(3))), Math.toIntExact(number(c.get(4))),
                    Math.toIntExact(number(c.get(5))), string(c.get(6)), workerId, number(c.get(7)),
                    number(c.get(8))));
        }
        return claims;
    }

    @Override
    public boolean complete(String crawlId, Claim claim, Completion completion) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(completion, "completion");
        FrontierKeys keys = keys(crawlId);
        Object reply = COMPLETE.run(redis, List.of(keys.ready(), keys.inFlight(), keys.claims(), keys.counters()),
                List.of(keys.base(), testNow(), claim.token(), claim.url(), completion.outcome().name(),
                        Long.toString(completion.hostDelayMs()), Long.toString(completion.remainingDelayMs())));
        return number(reply) == 1;
    }

    @Override
    public int restore(String crawlId, Collection<RestoredUrl> urls) {
        FrontierKeys keys = keys(crawlId);
        SeenBloomFilter bloom = seenSets.bloomFilterOf(crawlId);
        List<String> scriptKeys = List.of(bloom == null ? keys.seen() : keys.seenBloom(), keys.hosts(),
                keys.counters(), keys.pathVariants());
        List<RestoredUrl> all = List.copyOf(urls);
        int restored = 0;
        for (int from = 0; from < all.size(); from += OFFER_BATCH) {
            List<String> args = new ArrayList<>(List.of(keys.base(), bloom == null ? "exact" : "bloom"));
            for (RestoredUrl done : all.subList(from, Math.min(all.size(), from + OFFER_BATCH))) {
                FrontierUrl url = done.url();
                args.addAll(Arrays.asList(bloom == null ? seenKey(url.url()) : bloom.positions(url.url()),
                        url.hostKey(), url.pathKey() == null ? "" : url.pathKey(), done.outcome().name()));
            }
            restored += Math.toIntExact(number(RESTORE.run(redis, scriptKeys, args)));
        }
        return restored;
    }

    /** Tokens are unique within a crawl, so the token's lease in the in-flight set is this claim's. */
    @Override
    public long leaseLeftMillis(String crawlId, Claim claim) {
        Objects.requireNonNull(claim, "claim");
        return number(HOLDS.run(redis, List.of(keys(crawlId).inFlight()), List.of(claim.token(), testNow())));
    }

    @Override
    public long millisUntilDue(String crawlId) {
        FrontierKeys keys = keys(crawlId);
        List<?> due = list(UNTIL_DUE.run(redis, List.of(keys.ready(), keys.inFlight()), List.of(testNow())),
                "until-due");
        return due.isEmpty() ? Long.MAX_VALUE : number(due.get(0));
    }

    @Override
    public FrontierStats stats(String crawlId) {
        FrontierKeys keys = keys(crawlId);
        List<Long> s = longs(STATS.run(redis, List.of(keys.counters(), keys.inFlight(), keys.hosts()),
                List.of()), 7, "stats");
        return new FrontierStats(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5), s.get(6));
    }

    @Override
    public HostPage hosts(String crawlId, String cursor, int limit) {
        FrontierArgs.hostPageLimit(limit);
        String after = FrontierArgs.hostKeyAfter(cursor);
        FrontierKeys keys = keys(crawlId);
        List<?> reply = list(HOSTS.run(redis, List.of(keys.hosts()),
                List.of(keys.base(), after == null ? "" : after, Integer.toString(limit))), "hosts");
        List<HostView> items = new ArrayList<>();
        for (Object item : reply.subList(0, reply.size() - 1)) {
            List<?> h = list(item, "hosts");
            String leasedBy = string(h.get(6));
            items.add(new HostView(string(h.get(0)), number(h.get(1)), number(h.get(2)), number(h.get(3)),
                    Math.toIntExact(number(h.get(4))), number(h.get(5)), leasedBy.isEmpty() ? null : leasedBy,
                    number(h.get(7)), number(h.get(8))));
        }
        boolean more = number(reply.get(reply.size() - 1)) == 1;
        return new HostPage(items, more ? FrontierArgs.cursorAfter(items.get(items.size() - 1).hostKey()) : null);
    }

    /**
     * The chance that the crawl's next new URL is taken for seen: 0 with the exact set, else from the share of the
     * Bloom filter's bits that are set (one BITCOUNT over the filter).
     */
    @Override
    public double seenFalsePositiveRate(String crawlId) {
        SeenBloomFilter bloom = seenSets.bloomFilterOf(crawlId);
        return bloom == null ? 0 : bloom.falsePositiveRateAt(redis.bitcount(keys(crawlId).seenBloom()));
    }

    @Override
    public boolean exhausted(String crawlId) {
        FrontierStats stats = stats(crawlId);
        return stats.queued() == 0 && stats.inFlight() == 0;
    }

    /** Deletes host by host, then the crawl-wide keys; not atomic, so call it once no worker uses the crawl. */
    @Override
    public void delete(String crawlId) {
        FrontierKeys keys = keys(crawlId);
        List<String> hosts;
        while (!(hosts = redis.zrange(keys.hosts(), 0, OFFER_BATCH - 1)).isEmpty()) {
            List<String> perHost = new ArrayList<>();
            for (String host : hosts) {
                perHost.add(keys.hostQueue(host));
                perHost.add(keys.host(host));
            }
            redis.del(perHost.toArray(String[]::new));
            redis.zrem(keys.hosts(), hosts.toArray(String[]::new));
        }
        redis.del(keys.crawlWide().toArray(String[]::new));
    }

    @Override
    public long nowMillis() {
        return testClock != null ? testClock.getAsLong() : number(TIME.run(redis, List.of(), List.of()));
    }

    private String testNow() {
        return testClock == null ? "" : Long.toString(testClock.getAsLong());
    }

    /** What the seen set holds for a URL: the first 128 bits of its SHA-256, base64url (22 characters). */
    static String seenKey(String url) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(SeenBloomFilter.sha256(url), 16));
    }

    private static List<?> list(Object reply, String script) {
        if (reply instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("unexpected reply from the frontier's " + script + " script: " + reply);
    }

    private static List<Long> longs(Object reply, int size, String script) {
        List<?> values = list(reply, script);
        if (values.size() != size) {
            throw new IllegalStateException("the frontier's " + script + " script returned " + values);
        }
        return values.stream().map(RedisFrontier::number).toList();
    }

    private static long number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        throw new IllegalStateException("unexpected number in a frontier script's reply: " + value);
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("unexpected text in a frontier script's reply: " + value);
    }
}
