package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.node.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Virtual time: a queue of (time, sequence number, task), run one at a time in order on the test's thread. Nothing
 * happens between events, so a run is a pure function of the seed. Tasks that throw are recorded, not propagated:
 * the simulation checks {@link #errors()} at the end.
 */
public final class SimScheduler {

    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MAX_EVENTS = 20_000_000;

    private record Event(long time, long seq, Runnable task, boolean[] cancelled) {
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final List<String> errors = new ArrayList<>();
    private long now;
    private long seq;
    private long events;

    public long nowMillis() {
        return now;
    }

    public Instant now() {
        return EPOCH.plusMillis(now);
    }

    public Scheduler.Cancellable after(long delayMillis, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Event(now + Math.max(0, delayMillis), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** A node's scheduler: its tasks are skipped once {@code alive} turns false (the process crashed). */
    public Scheduler forNode(BooleanSupplier alive) {
        return new Scheduler() {
            @Override
            public Instant now() {
                return SimScheduler.this.now();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return after(delay.toMillis(), () -> {
                    if (alive.getAsBoolean()) {
                        task.run();
                    }
                });
            }
        };
    }

    /** Runs every event due up to {@code time} (virtual milliseconds), then sets the clock to it. */
    public void runUntil(long time) {
        while (!queue.isEmpty() && queue.peek().time <= time) {
            Event event = queue.poll();
            now = event.time;
            if (event.cancelled[0]) {
                continue;
            }
            if (++events > MAX_EVENTS) {
                throw new IllegalStateException("more than " + MAX_EVENTS + " events: runaway simulation");
            }
            try {
                event.task.run();
            } catch (RuntimeException | AssertionError e) {
                errors.add("at " + now + " ms: " + e);
            }
        }
        now = Math.max(now, time);
    }

    public void runFor(Duration duration) {
        runUntil(now + duration.toMillis());
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public long eventsRun() {
        return events;
    }
}
