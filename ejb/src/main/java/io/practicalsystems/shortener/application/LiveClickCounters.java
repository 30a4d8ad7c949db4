package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import io.practicalsystems.platform.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-link, per-day click counters by referrer host in Redis ({@code sh:live:<code>:<yyyy-mm-dd>}), the
 * "today" part of the stats. A Lua script marks the event ID as seen and increments in one atomic step, so a
 * redelivered event is never counted twice here either. Best effort: Redis down only loses live numbers;
 * the raw rows in SQL, and the rollups built from them, stay exact.
 */
@ApplicationScoped
public class LiveClickCounters {

    private static final Logger LOG = Logger.getLogger(LiveClickCounters.class.getName());
    private static final long KEEP_SECONDS = 3 * 24 * 3600;
    /** KEYS: (seen marker, live hash) per event; ARGV[1]: TTL, ARGV[1 + i]: event i's referrer host. */
    private static final LuaScript COUNT_EACH_ONCE = new LuaScript("""
            local counted = 0
            for i = 1, #KEYS / 2 do
              if redis.call('SET', KEYS[2 * i - 1], '1', 'NX', 'EX', ARGV[1]) then
                redis.call('HINCRBY', KEYS[2 * i], ARGV[i + 1], 1)
                redis.call('EXPIRE', KEYS[2 * i], ARGV[1])
                counted = counted + 1
              end
            end
            return counted""");

    @Inject
    UnifiedJedis redis;

    /**
     * Counts a batch of events in one Redis round trip (one script run: a click batch is up to 500 events, and a
     * round trip per click was most of the analytics cost). Events already seen are skipped.
     */
    public void countAll(List<ClickEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(2 * events.size());
        List<String> args = new ArrayList<>(1 + events.size());
        args.add(Long.toString(KEEP_SECONDS));
        for (ClickEvent event : events) {
            keys.add("sh:seen:" + event.eventId());
            keys.add(key(event.code(), event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate()));
            args.add(event.referrerHost());
        }
        try {
            COUNT_EACH_ONCE.run(redis, keys, args);
        } catch (RuntimeException e) {
            LOG.warning("live click counters not updated for " + events.size() + " events: " + e.getMessage());
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
