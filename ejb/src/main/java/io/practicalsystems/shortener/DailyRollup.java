package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts click events per (code, day, referrer host, agent family) — the pure part of the rollup batch job.
 *
 * <p>The job reads events in chunks; each chunk is {@link #aggregate aggregated} and then {@link #merge merged}
 * with the rows already stored. Because counting is a sum, {@code aggregate(A ∪ B) = merge(aggregate(A),
 * aggregate(B))} (property-tested), so chunk size and chunk boundaries never change the result. Counting a
 * redelivered event twice is prevented before this point (events are deduplicated by {@code eventId}); here every
 * event given counts once.
 *
 * <p>Both methods return rows sorted by {@link DailyStat#BY_KEY}, with one row per key.
 */
public final class DailyRollup {

    private DailyRollup() {
    }

    /**
     * @param zone the zone whose calendar days the statistics use: a click at 23:30 UTC is "tomorrow" in Tokyo
     */
    public static List<DailyStat> aggregate(Collection<ClickEvent> events, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        Map<DailyStat.Key, Long> counts = new HashMap<>();
        for (ClickEvent e : events) {
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), zone);
            counts.merge(new DailyStat.Key(e.code(), day, e.referrerHost(), e.agentFamily()), 1L, Long::sum);
        }
        return sorted(counts);
    }

    /** Rows of both lists, those with equal keys summed (e.g. a chunk's partial result plus the stored rows). */
    public static List<DailyStat> merge(List<DailyStat> a, List<DailyStat> b) {
        Map<DailyStat.Key, Long> counts = new HashMap<>();
        for (List<DailyStat> rows : List.of(a, b)) {
            for (DailyStat row : rows) {
                counts.merge(row.key(), row.clicks(), Math::addExact);
            }
        }
        return sorted(counts);
    }

    private static List<DailyStat> sorted(Map<DailyStat.Key, Long> counts) {
        List<DailyStat> rows = new ArrayList<>(counts.size());
        counts.forEach((k, clicks) -> rows.add(new DailyStat(k.code(), k.day(), k.referrerHost(), k.agentFamily(),
                clicks)));
        rows.sort(DailyStat.BY_KEY);
        return List.copyOf(rows);
    }
}
