package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The clicks one server counted in one flush window ({@link ClickAggregator#drain()}), as sent over JMS: one message
 * per flush instead of one event per click.
 *
 * <h2>Wire format</h2>
 * A JMS text message body of lines separated by line feeds: {@code a1 TAB id}, then one line per counter,
 * {@code c1 TAB code TAB yyyy-mm-dd TAB referrerHost TAB agentFamily TAB clicks}. Fields are escaped as in
 * {@link ClickEvent} (backslash, tab, line feed, carriage return), so any string survives the round trip. The version
 * prefixes let a newer consumer recognise an older producer's messages during a rolling deployment.
 *
 * <h2>Counted once</h2>
 * The {@code id} is unique per flush (a Snowflake ID), and the consumer records it in the same transaction as the
 * counts (as the IDs of the aggregate's {@link #batches() batches}): a redelivered or re-sent aggregate finds them
 * stored and is skipped.
 *
 * @param id     unique per flush; at most {@value #MAX_ID} characters, so a batch ID (id + day) fits its column
 * @param counts at least one; one per (code, day, referrer host, agent family)
 */
public record ClickAggregate(String id, List<DailyStat> counts) {

    public static final String WIRE_VERSION = "a1";
    static final String COUNT_VERSION = "c1";
    public static final int MAX_ID = 31;
    private static final int COUNT_FIELDS = 6;

    public ClickAggregate {
        if (id == null || id.isEmpty() || id.length() > MAX_ID || ClickEvent.needsEscape(id)) {
            throw new IllegalArgumentException("an aggregate ID has 1 to " + MAX_ID
                    + " characters and no tab, line feed or backslash");
        }
        counts = List.copyOf(counts);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("an aggregate holds at least one count");
        }
    }

    public long clicks() {
        return counts.stream().mapToLong(DailyStat::clicks).sum();
    }

    /** The aggregate's counts per UTC day, each a batch identified by the aggregate ID and the day. */
    public List<ClickBatch> batches() {
        Map<LocalDate, List<DailyStat>> byDay = new TreeMap<>();
        for (DailyStat count : counts) {
            byDay.computeIfAbsent(count.day(), d -> new ArrayList<>()).add(count);
        }
        List<ClickBatch> batches = new ArrayList<>(byDay.size());
        byDay.forEach((day, rows) -> batches.add(new ClickBatch(id + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE),
                day, rows)));
        return batches;
    }

    public String toWire() {
        StringBuilder text = new StringBuilder(16 + counts.size() * 48).append(WIRE_VERSION).append('\t').append(id);
        for (DailyStat count : counts) {
            text.append('\n').append(line(count));
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException if {@code wire} is not a well-formed {@value #WIRE_VERSION} message */
    public static ClickAggregate fromWire(String wire) {
        Objects.requireNonNull(wire, "wire");
        String[] lines = wire.split("\n");
        String[] header = lines[0].split("\t", -1);
        if (header.length != 2 || !header[0].equals(WIRE_VERSION)) {
            throw new IllegalArgumentException("not a click aggregate (" + WIRE_VERSION + "): '"
                    + ClickEvent.abbreviate(lines[0]) + "'");
        }
        List<DailyStat> counts = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            counts.add(parseLine(lines[i]));
        }
        return new ClickAggregate(header[1], counts);
    }

    /** One counter as a {@value #COUNT_VERSION} line: the unit of both the message and the stored batch. */
    static String line(DailyStat count) {
        return COUNT_VERSION + '\t' + ClickEvent.escape(count.code()) + '\t' + count.day() + '\t'
                + ClickEvent.escape(count.referrerHost()) + '\t' + ClickEvent.escape(count.agentFamily()) + '\t'
                + count.clicks();
    }

    static DailyStat parseLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != COUNT_FIELDS || !f[0].equals(COUNT_VERSION)) {
            throw new IllegalArgumentException("a click count line is " + COUNT_VERSION + " and " + (COUNT_FIELDS - 1)
                    + " tab-separated fields: '" + ClickEvent.abbreviate(line) + "'");
        }
        String code = ClickEvent.unescape(f[1]);
        if (code.isEmpty()) {
            throw new IllegalArgumentException("a click count needs a code");
        }
        LocalDate day;
        long clicks;
        try {
            day = LocalDate.parse(f[2]);
            clicks = Long.parseLong(f[5]);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("a click count needs a yyyy-mm-dd day and a number of clicks: '"
                    + ClickEvent.abbreviate(line) + "'", e);
        }
        if (clicks <= 0) {
            throw new IllegalArgumentException("a click count is positive, got " + clicks);
        }
        return new DailyStat(code, day, ClickEvent.unescape(f[3]), ClickEvent.unescape(f[4]), clicks);
    }
}
