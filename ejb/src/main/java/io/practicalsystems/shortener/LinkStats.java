package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code GET /api/links/{code}/stats} shows: all-time total, clicks per day, and the top referrer hosts.
 *
 * <h2>Two sources, no double counting</h2>
 * Days before today come from the rolled-up {@link DailyStat} rows; today comes only from the live per-referrer
 * counters (which the redirect path increments). {@link #combine} therefore <em>ignores</em> rolled-up rows dated
 * today or later: if a rollup ran mid-day, its partial row for today is already contained in the live counters, and
 * adding both would count those clicks twice.
 *
 * @param total        sum of {@code perDay}
 * @param perDay       days with at least one click, ascending; days without clicks are omitted
 * @param topReferrers at most {@code topN} referrer hosts over all days, by clicks descending, then host ascending
 */
public record LinkStats(String code, long total, List<DayCount> perDay, List<HostCount> topReferrers) {

    public record DayCount(LocalDate day, long clicks) {
    }

    public record HostCount(String host, long clicks) {
    }

    private static final Comparator<HostCount> MOST_CLICKS_FIRST =
            Comparator.comparingLong(HostCount::clicks).reversed().thenComparing(HostCount::host);

    public LinkStats {
        Objects.requireNonNull(code, "code");
        perDay = List.copyOf(perDay);
        topReferrers = List.copyOf(topReferrers);
    }

    /**
     * @param rolledUp            rolled-up rows of this link (rows for {@code today} or later are ignored, see above)
     * @param liveTodayByReferrer today's clicks per referrer host
     * @param topN                how many referrer hosts to list (0 for none)
     * @throws IllegalArgumentException if a row belongs to another code, a live count is negative, or topN < 0
     */
    public static LinkStats combine(String code, List<DailyStat> rolledUp, Map<String, Long> liveTodayByReferrer,
            LocalDate today, int topN) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(today, "today");
        if (topN < 0) {
            throw new IllegalArgumentException("topN must be >= 0, got " + topN);
        }
        Map<LocalDate, Long> byDay = new TreeMap<>();
        Map<String, Long> byReferrer = new HashMap<>();
        for (DailyStat row : rolledUp) {
            if (!row.code().equals(code)) {
                // A query bug upstream; silently dropping or adding the row would show wrong numbers.
                throw new IllegalArgumentException("stats for '" + code + "' got a row for '" + row.code() + "'");
            }
            if (row.day().isBefore(today)) {
                byDay.merge(row.day(), row.clicks(), Math::addExact);
                byReferrer.merge(row.referrerHost(), row.clicks(), Math::addExact);
            }
        }
        liveTodayByReferrer.forEach((host, clicks) -> {
            if (clicks < 0) {
                throw new IllegalArgumentException("live count for '" + host + "' is negative: " + clicks);
            }
            byDay.merge(today, clicks, Math::addExact);
            byReferrer.merge(host, clicks, Math::addExact);
        });

        List<DayCount> perDay = new ArrayList<>();
        long total = 0;
        for (Map.Entry<LocalDate, Long> day : byDay.entrySet()) {
            if (day.getValue() > 0) {
                perDay.add(new DayCount(day.getKey(), day.getValue()));
                total = Math.addExact(total, day.getValue());
            }
        }
        List<HostCount> topReferrers = byReferrer.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new HostCount(e.getKey(), e.getValue()))
                .sorted(MOST_CLICKS_FIRST)
                .limit(topN)
                .toList();
        return new LinkStats(code, total, perDay, topReferrers);
    }
}
