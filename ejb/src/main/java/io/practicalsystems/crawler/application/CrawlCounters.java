package io.practicalsystems.crawler.application;

import io.practicalsystems.platform.redis.LuaScript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-crawl counters in Redis, shared by every server and kept across restarts: pages fetched, duplicates, errors
 * by kind (hash {@code crawler:{id}:counts}), and fetches per second of Redis time (one short-lived key per second,
 * {@code crawler:{id}:rate:<epoch second>}), from which {@link #snapshot} computes pages per second over the last
 * {@code ps.crawler.rate-window.s} whole seconds. The crawl id is the hash tag, so a crawl's keys share one Redis
 * Cluster slot. The fetch pipeline calls the {@code record*} methods once per page it finishes.
 */
@ApplicationScoped
public class CrawlCounters {

    /** Error kinds are short slugs; anything else is counted as {@value #OTHER_ERROR}. */
    public static final Pattern ERROR_KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final String OTHER_ERROR = "other";
    static final String FETCHED = "fetched";
    static final String DUPLICATES = "duplicates";
    static final String ERROR_PREFIX = "error:";

    /** KEYS[1] counts hash, KEYS[2] rate key prefix; ARGV: field, amount, "1" to count towards the rate, rate TTL. */
    private static final LuaScript RECORD = new LuaScript("""
            redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
            if ARGV[3] == '1' then
              local key = KEYS[2] .. redis.call('TIME')[1]
              redis.call('INCRBY', key, ARGV[2])
              redis.call('EXPIRE', key, ARGV[4])
            end
            return 1""");

    /** KEYS[1] rate key prefix; ARGV[1] window in seconds. Sum over the last whole seconds, by Redis time. */
    private static final LuaScript RATE = new LuaScript("""
            local now = tonumber(redis.call('TIME')[1])
            local sum = 0
            for s = now - tonumber(ARGV[1]), now - 1 do
              local v = redis.call('GET', KEYS[1] .. s)
              if v then sum = sum + tonumber(v) end
            end
            return sum""");

    /** What the counters say about one crawl. */
    public record Counts(long fetched, long duplicates, Map<String, Long> errors, double pagesPerSecond) {
        public Counts {
            errors = Map.copyOf(errors);
        }
    }

    @Inject
    UnifiedJedis redis;

    @Inject
    CrawlSettings settings;

    /** One page fetched and stored (duplicates included: they were fetched too). */
    public void recordFetched(String crawlId) {
        record(crawlId, FETCHED, true);
    }

    /** One page whose content duplicates another's (call in addition to {@link #recordFetched}). */
    public void recordDuplicate(String crawlId) {
        record(crawlId, DUPLICATES, false);
    }

    /** One URL that failed for good with this kind of error (e.g. {@code timeout}, {@code dns}, {@code http-5xx}). */
    public void recordError(String crawlId, String kind) {
        String slug = kind != null && ERROR_KIND.matcher(kind).matches() ? kind : OTHER_ERROR;
        record(crawlId, ERROR_PREFIX + slug, false);
    }

    public Counts snapshot(String crawlId) {
        Map<String, String> raw = redis.hgetAll(countsKey(crawlId));
        Map<String, Long> errors = new TreeMap<>();
        raw.forEach((field, value) -> {
            if (field.startsWith(ERROR_PREFIX)) {
                errors.put(field.substring(ERROR_PREFIX.length()), Long.parseLong(value));
            }
        });
        int window = settings.rateWindowSeconds();
        long recent = (Long) RATE.run(redis, List.of(rateKeyPrefix(crawlId)), List.of(Integer.toString(window)));
        return new Counts(number(raw.get(FETCHED)), number(raw.get(DUPLICATES)), errors, (double) recent / window);
    }

    /** Forgets the crawl's counters (rate keys expire on their own). */
    public void delete(String crawlId) {
        redis.del(countsKey(crawlId));
    }

    private void record(String crawlId, String field, boolean rate) {
        RECORD.run(redis, List.of(countsKey(crawlId), rateKeyPrefix(crawlId)), List.of(field, "1", rate ? "1" : "0",
                Integer.toString(settings.rateWindowSeconds() * 2 + 5)));
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    static String countsKey(String crawlId) {
        return "crawler:{" + crawlId + "}:counts";
    }

    static String rateKeyPrefix(String crawlId) {
        return "crawler:{" + crawlId + "}:rate:";
    }
}
