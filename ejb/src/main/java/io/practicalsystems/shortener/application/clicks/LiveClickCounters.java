package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.LinkStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import io.practicalsystems.platform.redis.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-link, per-day click counters in Redis, the "not rolled up yet" part of the stats: by referrer host
 * ({@code sh:live:<code>:<yyyy-mm-dd>}) and by agent family ({@code sh:live-agents:<code>:<yyyy-mm-dd>}), the same
 * clicks counted both ways. A Lua script marks the batch as seen ({@code sh:seen:<batch id>}) and adds its counts in
 * one atomic step, so a redelivered batch is never counted twice here either. One script run per batch, that is one
 * Redis call per flush of a server (two when the flush spans midnight), whatever the number of clicks. Best effort:
 * Redis down only loses live numbers; the raw batches in SQL, and the rollups built from them, stay exact.
 */
@ApplicationScoped
public class LiveClickCounters {

    private static final Logger LOG = Logger.getLogger(LiveClickCounters.class.getName());
    private static final long KEEP_SECONDS = 3 * 24 * 3600;
    /**
     * KEYS[1]: the batch's seen marker, KEYS[2..]: the live hashes it touches. ARGV[1]: TTL, then triples
     * (index into KEYS, field: a referrer host or an agent family, clicks).
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
            batch.countsByCodeAndReferrer().forEach((code, byReferrer) ->
                    addCounts(keys, args, key(code, batch.day()), byReferrer));
            batch.countsByCodeAndAgent().forEach((code, byAgent) ->
                    addCounts(keys, args, agentKey(code, batch.day()), byAgent));
            try {
                COUNT_BATCH_ONCE.run(redis, keys, args);
            } catch (RuntimeException e) {
                LOG.warning("live click counters not updated for batch " + batch.id() + " (" + batch.clicks()
                        + " clicks): " + e.getMessage());
            }
        }
    }

    /** The script's arguments for one hash: its key, then a (key index, field, clicks) triple per count. */
    private static void addCounts(List<String> keys, List<String> args, String hash, Map<String, Long> counts) {
        keys.add(hash);
        String keyIndex = Integer.toString(keys.size()); // Lua arrays start at 1
        counts.forEach((field, clicks) -> {
            args.add(keyIndex);
            args.add(field);
            args.add(Long.toString(clicks));
        });
    }

    /**
     * One link's counters of each of {@code days}, by referrer host and by agent family, read in one pipelined round
     * trip (two hashes per day); empty counters if Redis is unavailable.
     */
    public List<LinkStats.LiveDay> days(String code, List<LocalDate> days) {
        List<Response<Map<String, String>>> byReferrer = new ArrayList<>();
        List<Response<Map<String, String>>> byAgent = new ArrayList<>();
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (LocalDate day : days) {
                byReferrer.add(pipe.hgetAll(key(code, day)));
                byAgent.add(pipe.hgetAll(agentKey(code, day)));
            }
            pipe.sync();
            List<LinkStats.LiveDay> result = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                result.add(new LinkStats.LiveDay(days.get(i), counts(byReferrer.get(i).get()),
                        counts(byAgent.get(i).get())));
            }
            return result;
        } catch (RuntimeException e) {
            LOG.warning("live click counters unavailable for " + code + ": " + e.getMessage());
            return days.stream().map(day -> new LinkStats.LiveDay(day, Map.of(), Map.of())).toList();
        }
    }

    private static Map<String, Long> counts(Map<String, String> hash) {
        Map<String, Long> counts = new HashMap<>();
        hash.forEach((field, n) -> counts.put(field, Long.parseLong(n)));
        return counts;
    }

    static String key(String code, LocalDate day) {
        return "sh:live:" + code + ":" + day;
    }

    static String agentKey(String code, LocalDate day) {
        return "sh:live-agents:" + code + ":" + day;
    }
}
