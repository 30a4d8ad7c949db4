package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The unit in which raw clicks are stored and counted: the events of one delivered message that fall on one UTC
 * day, identified by the ID of the first of them.
 *
 * <p>Why batches and not a row per click: at thousands of redirects per second, a row per click (and its index
 * entries) was most of the analytics cost, competing with redirects for the same CPU. A message's events are
 * stored together as one row of {@link #toText() wire lines}. Idempotence is per delivered batch: a redelivered
 * or re-sent message splits into the same batches with the same {@link #id()}s, which are already stored (or
 * already counted) and are skipped. Event IDs are issued once per click and every click is sent in exactly one
 * message, so a duplicate event can only arrive inside a duplicate message — which this catches. Events repeated
 * within one message are kept once.
 *
 * @param id     the first event's ID: unique, because event IDs are
 * @param day    the UTC day all events fall on (the rollup and the live counters are per day)
 * @param events at least one, distinct event IDs, in message order
 */
public record ClickBatch(String id, LocalDate day, List<ClickEvent> events) {

    public ClickBatch {
        Objects.requireNonNull(day, "day");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a click batch holds at least one event");
        }
        if (!events.get(0).eventId().equals(id)) {
            throw new IllegalArgumentException("a click batch is identified by its first event's ID");
        }
    }

    /** Splits a message's events into one batch per UTC day, dropping repeated event IDs (first one kept). */
    public static List<ClickBatch> split(List<ClickEvent> message) {
        Set<String> seen = new HashSet<>();
        Map<LocalDate, List<ClickEvent>> byDay = new LinkedHashMap<>();
        for (ClickEvent event : message) {
            if (seen.add(event.eventId())) {
                byDay.computeIfAbsent(dayOf(event), d -> new ArrayList<>()).add(event);
            }
        }
        List<ClickBatch> batches = new ArrayList<>(byDay.size());
        byDay.forEach((day, events) -> batches.add(new ClickBatch(events.get(0).eventId(), day, events)));
        return batches;
    }

    public static LocalDate dayOf(ClickEvent event) {
        return event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The events as stored: one {@linkplain ClickEvent#toWire() wire line} each, separated by line feeds. */
    public String toText() {
        StringBuilder text = new StringBuilder(events.size() * 96);
        for (ClickEvent event : events) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(event.toWire());
        }
        return text.toString();
    }

    /** Reads a stored batch back. @throws IllegalArgumentException if a line is not a well-formed event */
    public static List<ClickEvent> eventsFromText(String text) {
        List<ClickEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            events.add(ClickEvent.fromWire(line));
        }
        return events;
    }

    /** Clicks per code and referrer host: what the live counters add for this batch, in one step per link. */
    public Map<String, Map<String, Long>> countsByCodeAndReferrer() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (ClickEvent event : events) {
            counts.computeIfAbsent(event.code(), c -> new TreeMap<>()).merge(event.referrerHost(), 1L, Long::sum);
        }
        return counts;
    }
}
