package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import io.practicalsystems.platform.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-link, per-day click counters by referrer host in Redis ({@code sh:live:<code>:<yyyy-mm-dd>}), the
 * "today" part of the stats. A Lua script marks the batch as seen ({@code sh:seen:<batch id>}) and adds its
 * counts in one atomic step, so a redelivered batch is never counted twice here either. One script run per batch,
 * that is one Redis call per flush of a server (two when the flush spans midnight), whatever the number of clicks. Best effort: Redis down only loses live numbers; the raw
 * batches in SQL, and the rollups built from them, stay exact.
 */
@ApplicationScoped
public class LiveClickCounters {

    private static final Logger LOG = Logger.getLogger(LiveClickCounters.class.getName());
    private static final long KEEP_SECONDS = 3 * 24 * 3600;
    /**
     * KEYS[1]: the batch's seen marker, KEYS[2..]: the live hashes it touches. ARGV[1]: TTL, then triples
     * (index into KEYS, referrer host, clicks).
     */
    private static final LuaScript COUNT_BATCH_ONCE = new LuaScript("""
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
              return 0
            end
            for i = 2, #ARGV, 3 do
              redis.call('HINCRBY', KEYS[tonumber(ARGV[i])], ARGV[i + 1], ARGV[i + 2])
            end
            for k = 2, #KEYS do
              redis.call('EXPIRE', KEYS[k], ARGV[1])
            end
            return 1""");

    @Inject
    UnifiedJedis redis;

    /** Counts each batch once, one script run per batch (normally one per aggregate). Batches already seen are skipped. */
    public void countAll(List<ClickBatch> batches) {
        for (ClickBatch batch : batches) {
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            keys.add("sh:seen:" + batch.id());
            args.add(Long.toString(KEEP_SECONDS));
            batch.countsByCodeAndReferrer().forEach((code, byReferrer) -> {
                keys.add(key(code, batch.day()));
                String keyIndex = Integer.toString(keys.size()); // Lua arrays start at 1
                byReferrer.forEach((referrer, clicks) -> {
                    args.add(keyIndex);
                    args.add(referrer);
                    args.add(Long.toString(clicks));
                });
            });
            try {
                COUNT_BATCH_ONCE.run(redis, keys, args);
            } catch (RuntimeException e) {
                LOG.warning("live click counters not updated for batch " + batch.id() + " (" + batch.clicks()
                        + " clicks): " + e.getMessage());
            }
        }
    }

    /** Clicks by referrer host for one link on one day; empty if Redis is unavailable. */
    public Map<String, Long> byReferrer(String code, LocalDate day) {
        Map<String, Long> counts = new HashMap<>();
        try {
            redis.hgetAll(key(code, day)).forEach((host, n) -> counts.put(host, Long.parseLong(n)));
        } catch (RuntimeException e) {
            LOG.warning("live click counters unavailable for " + code + ": " + e.getMessage());
        }
        return counts;
    }

    static String key(String code, LocalDate day) {
        return "sh:live:" + code + ":" + day;
    }
}
