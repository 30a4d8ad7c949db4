package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts clicks in memory per (code, UTC day, referrer host, agent family) between two flushes: what the redirect
 * path does instead of sending an event per click, so a click costs one map update and a flush ships a few hundred
 * counters instead of thousands of events.
 *
 * <p>Exact under concurrency: {@link #count} is {@link ConcurrentHashMap#merge} and {@link #drain} takes each
 * counter out with {@link ConcurrentHashMap#remove(Object)}, both atomic per key, so every click counted lands in
 * exactly one drain — one counted after its key was drained starts a new counter for the next one. Bounded: about
 * {@code maxKeys} distinct counters between two drains (the referrer host is client-controlled); a click that would
 * need a new counter beyond that is refused, and the caller counts it as dropped.
 */
public final class ClickAggregator {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ConcurrentHashMap<DailyStat.Key, Long> counts = new ConcurrentHashMap<>();
    private final int maxKeys;
    /** The day of the last click, so a click costs no date arithmetic unless the day changed. */
    private volatile LocalDate lastDay = LocalDate.EPOCH;

    /** @param maxKeys the most distinct counters held between two drains; 0 refuses every click */
    public ClickAggregator(int maxKeys) {
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys must be >= 0, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    /**
     * @param epochMilli when the redirect was served; its UTC day is the counter's day
     * @return false if the click was refused (too many distinct counters already)
     */
    public boolean count(String code, long epochMilli, String referrerHost, String agentFamily) {
        DailyStat.Key key = new DailyStat.Key(code, utcDay(epochMilli), referrerHost, agentFamily);
        if (counts.size() >= maxKeys && !counts.containsKey(key)) {
            return false;
        }
        counts.merge(key, 1L, Long::sum);
        return true;
    }

    /** Takes out every counter: the clicks counted since the last drain, sorted by {@link DailyStat#BY_KEY}. */
    public List<DailyStat> drain() {
        List<DailyStat> rows = new ArrayList<>(counts.size());
        for (DailyStat.Key key : counts.keySet()) {
            Long clicks = counts.remove(key);
            if (clicks != null) {
                rows.add(new DailyStat(key.code(), key.day(), key.referrerHost(), key.agentFamily(), clicks));
            }
        }
        rows.sort(DailyStat.BY_KEY);
        return rows;
    }

    private LocalDate utcDay(long epochMilli) {
        long epochDay = Math.floorDiv(epochMilli, MILLIS_PER_DAY);
        LocalDate day = lastDay;
        if (day.toEpochDay() != epochDay) {
            day = LocalDate.ofEpochDay(epochDay);
            lastDay = day;
        }
        return day;
    }
}
