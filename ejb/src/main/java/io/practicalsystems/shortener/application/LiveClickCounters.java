package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
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
    private static final String COUNT_ONCE = """
            if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
              redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
              redis.call('EXPIRE', KEYS[2], ARGV[2])
              return 1
            end
            return 0""";

    @Inject
    UnifiedJedis redis;

    public void count(ClickEvent event) {
        LocalDate day = event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        try {
            redis.eval(COUNT_ONCE, List.of("sh:seen:" + event.eventId(), key(event.code(), day)),
                    List.of(event.referrerHost(), Long.toString(KEEP_SECONDS)));
        } catch (RuntimeException e) {
            LOG.warning("live click counter not updated for " + event.code() + ": " + e.getMessage());
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
