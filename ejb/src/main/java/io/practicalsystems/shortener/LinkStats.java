package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What {@code GET /api/urls/{code}/stats} shows: all-time total, clicks per day, the top referrer hosts and the top
 * user-agent families ({@link UserAgentFamily}).
 *
 * <h2>Two sources, no double counting</h2>
 * Rolled-up days come from the {@link DailyStat} rows; days not rolled up yet (today, and yesterday until the nightly
 * rollup has run) from the live counters, which count the same clicks twice over: once per referrer host, once per
 * agent family. {@link #combine} <em>ignores</em> rolled-up rows dated today or later: if a rollup ran mid-day, its
 * partial row for today is already contained in the live counters, and adding both would count those clicks twice.
 *
 * @param total        sum of {@code perDay}
 * @param perDay       days with at least one click, ascending; days without clicks are omitted
 * @param topReferrers at most {@code topN} referrer hosts over all days, by clicks descending, then host ascending
 * @param topAgents    at most {@code topN} agent families over all days, by clicks descending, then name ascending
 */
public record LinkStats(String code, long total, List<DayCount> perDay, List<HostCount> topReferrers,
                        List<AgentCount> topAgents) {

    public record DayCount(LocalDate day, long clicks) {
    }

    public record HostCount(String host, long clicks) {
    }

    public record AgentCount(String agent, long clicks) {
    }

    /**
     * One day's live counters of a link. A day's clicks are its referrer counts; the agent counts are the same clicks
     * by family (counters written before agents were counted live have none).
     */
    public record LiveDay(LocalDate day, Map<String, Long> byReferrer, Map<String, Long> byAgent) {

        public LiveDay {
            Objects.requireNonNull(day, "day");
            byReferrer = Map.copyOf(byReferrer);
            byAgent = Map.copyOf(byAgent);
        }
    }

    public LinkStats {
        Objects.requireNonNull(code, "code");
        perDay = List.copyOf(perDay);
        topReferrers = List.copyOf(topReferrers);
        topAgents = List.copyOf(topAgents);
    }

    /**
     * @param rolledUp rolled-up rows of this link (rows for {@code today} or later are ignored, see above)
     * @param live     the live counters of the days not rolled up, today's included; none after {@code today}
     * @param topN     how many referrer hosts and agent families to list (0 for none)
     * @throws IllegalArgumentException if a row belongs to another code, a live day is after today, a live count is
     *                                  negative, or topN < 0
     */
    public static LinkStats combine(String code, List<DailyStat> rolledUp, List<LiveDay> live, LocalDate today,
            int topN) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(today, "today");
        if (topN < 0) {
            throw new IllegalArgumentException("topN must be >= 0, got " + topN);
        }
        Map<LocalDate, Long> byDay = new TreeMap<>();
        Map<String, Long> byReferrer = new HashMap<>();
        Map<String, Long> byAgent = new HashMap<>();
        for (DailyStat row : rolledUp) {
            if (!row.code().equals(code)) {
                // A query bug upstream; silently dropping or adding the row would show wrong numbers.
                throw new IllegalArgumentException("stats for '" + code + "' got a row for '" + row.code() + "'");
            }
            if (row.day().isBefore(today)) {
                byDay.merge(row.day(), row.clicks(), Math::addExact);
                byReferrer.merge(row.referrerHost(), row.clicks(), Math::addExact);
                byAgent.merge(row.agentFamily(), row.clicks(), Math::addExact);
            }
        }
        for (LiveDay day : live) {
            if (day.day().isAfter(today)) {
                throw new IllegalArgumentException("live counters of " + day.day() + " are after today, " + today);
            }
            day.byReferrer().forEach((host, clicks) -> {
                byDay.merge(day.day(), nonNegative(host, clicks), Math::addExact);
                byReferrer.merge(host, clicks, Math::addExact);
            });
            day.byAgent().forEach((agent, clicks) -> byAgent.merge(agent, nonNegative(agent, clicks), Math::addExact));
        }

        List<DayCount> perDay = new ArrayList<>();
        long total = 0;
        for (Map.Entry<LocalDate, Long> day : byDay.entrySet()) {
            if (day.getValue() > 0) {
                perDay.add(new DayCount(day.getKey(), day.getValue()));
                total = Math.addExact(total, day.getValue());
            }
        }
        return new LinkStats(code, total, perDay, top(byReferrer, topN, HostCount::new),
                top(byAgent, topN, AgentCount::new));
    }

    private static long nonNegative(String name, long clicks) {
        if (clicks < 0) {
            throw new IllegalArgumentException("live count for '" + name + "' is negative: " + clicks);
        }
        return clicks;
    }

    /** The {@code topN} names with the most clicks (ties by name), those without clicks left out. */
    private static <T> List<T> top(Map<String, Long> clicksByName, int topN, BiFunction<String, Long, T> entry) {
        return clicksByName.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey()))
                .limit(topN)
                .map(e -> entry.apply(e.getKey(), e.getValue()))
                .toList();
    }
}
