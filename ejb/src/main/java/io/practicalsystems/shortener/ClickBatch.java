package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The unit in which clicks are stored and counted exactly once: the counts of one {@link ClickAggregate} that fall
 * on one UTC day, identified by the aggregate's ID and the day ({@link ClickAggregate#batches()}).
 *
 * <p>A redelivered or re-sent aggregate splits into the same batches with the same IDs, which are already stored
 * (or already counted in the live counters) and are skipped. Stored as one row of {@linkplain #toText() count lines};
 * rows written before 2026-12-05 hold one {@link ClickEvent} line per click instead, and {@link #fromText} reads
 * both, so the rollup of a day stored by an older version stays exact.
 *
 * @param id     the aggregate's ID and the day (or, for rows of older versions, the first event's ID)
 * @param day    the UTC day all counts fall on (the rollup and the live counters are per day)
 * @param counts at least one, all on {@code day}
 */
public record ClickBatch(String id, LocalDate day, List<DailyStat> counts) {

    public ClickBatch {
        Objects.requireNonNull(day, "day");
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a click batch needs an ID");
        }
        counts = List.copyOf(counts);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("a click batch holds at least one count");
        }
        for (DailyStat count : counts) {
            if (!count.day().equals(day)) {
                throw new IllegalArgumentException("a click batch of " + day + " got a count of " + count.day());
            }
        }
    }

    public long clicks() {
        return counts.stream().mapToLong(DailyStat::clicks).sum();
    }

    /** The counts as stored: one {@code c1} line each (the aggregate's wire format), separated by line feeds. */
    public String toText() {
        StringBuilder text = new StringBuilder(counts.size() * 48);
        for (DailyStat count : counts) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(ClickAggregate.line(count));
        }
        return text.toString();
    }

    /**
     * Reads a stored batch back: count lines, or the click-event lines older versions stored (one click each).
     *
     * @throws IllegalArgumentException if a line is neither
     */
    public static ClickBatch fromText(String id, LocalDate day, String text) {
        List<DailyStat> counts = new ArrayList<>();
        List<ClickEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(ClickEvent.WIRE_VERSION + '\t')) {
                events.add(ClickEvent.fromWire(line));
            } else {
                counts.add(ClickAggregate.parseLine(line));
            }
        }
        return new ClickBatch(id, day, DailyRollup.merge(counts, DailyRollup.aggregate(events, ZoneOffset.UTC)));
    }

    /** Clicks per code and referrer host: what the live counters add for this batch, by referrer. */
    public Map<String, Map<String, Long>> countsByCodeAndReferrer() {
        return countsByCodeAnd(DailyStat::referrerHost);
    }

    /** Clicks per code and agent family: what the live counters add for this batch, by agent. */
    public Map<String, Map<String, Long>> countsByCodeAndAgent() {
        return countsByCodeAnd(DailyStat::agentFamily);
    }

    private Map<String, Map<String, Long>> countsByCodeAnd(Function<DailyStat, String> field) {
        Map<String, Map<String, Long>> byCode = new TreeMap<>();
        for (DailyStat count : counts) {
            byCode.computeIfAbsent(count.code(), c -> new TreeMap<>()).merge(field.apply(count), count.clicks(),
                    Long::sum);
        }
        return byCode;
    }
}
