package io.practicalsystems.idgen;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Lock-free Snowflake ID generator for one worker ID: IDs are unique for that worker and strictly increasing in the
 * order calls return, across all threads.
 *
 * <p>All mutable issuing state is one {@link AtomicLong} packing {@code (timestamp since epoch << sequenceBits) |
 * sequence} of the last issued ID, advanced with a CAS loop. Keeping both fields in one word is what makes the
 * lock-free version correct: a CAS over two separate fields could pair one thread's timestamp with another's
 * sequence.
 *
 * <p>Clock policy: an ID's timestamp is always the clock reading taken while issuing it, so time is never borrowed from
 * the future. If a millisecond's sequences run out, callers spin until the next millisecond. If the clock reads
 * behind the last issued timestamp by at most {@code backwardToleranceMillis} callers wait it out; beyond that they
 * get {@link ClockMovedBackwardsException} and the state is left alone (resetting the sequence there is how Twitter's
 * original generator came to reissue IDs).
 */
public final class SnowflakeGenerator {

    // Short enough to notice the clock catching up promptly, long enough not to burn a core for a multi-ms wait.
    private static final long BEHIND_PARK_NANOS = 100_000L;

    private final IdLayout layout;
    private final long epochMillis;
    private final long workerId;
    private final MillisClock clock;
    private final long backwardToleranceMillis;
    private final HighWaterMarkStore highWaterMark;
    private final long reservationWindowMillis;

    // Copied out of the layout because they are used on every call.
    private final int sequenceBits;
    private final int timestampShift;
    private final long maxSequence;
    private final long maxTimestamp;
    private final long workerField;

    /** Packed (relative timestamp, sequence) of the last issued ID; (-1, maxSequence) == -1 means "none yet". */
    private final AtomicLong lastIssued;

    private final Object reservationLock = new Object();
    /** Absolute epoch millis up to which the high-water mark store already covers us. Only ever grows. */
    private volatile long reservedUntil;

    /**
     * @param epochMillis             custom epoch (absolute ms, >= 0); IDs store time relative to it
     * @param workerId                this instance's worker ID, within {@code 0..layout.maxWorkerId()}
     * @param backwardToleranceMillis how far behind the clock may fall before callers get an exception instead of
     *                                waiting
     * @param hwm                     loaded once here; its ceiling is treated as already issued
     * @param reservationWindowMillis how far ahead each persisted ceiling reaches (see {@link HighWaterMarkStore})
     * @throws IllegalArgumentException if a number is out of range
     * @throws IllegalStateException    if the persisted ceiling is beyond the layout's last timestamp, so no ID could
     *                                  ever be issued safely
     */
    public SnowflakeGenerator(IdLayout layout, long epochMillis, long workerId, MillisClock clock,
            long backwardToleranceMillis, HighWaterMarkStore hwm, long reservationWindowMillis) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.highWaterMark = Objects.requireNonNull(hwm, "hwm");
        if (workerId < 0 || workerId > layout.maxWorkerId()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "workerId must be in 0..%d for layout %s, got %d", layout.maxWorkerId(), layout.spec(), workerId));
        }
        requireNonNegative("epochMillis", epochMillis);
        requireNonNegative("backwardToleranceMillis", backwardToleranceMillis);
        requireNonNegative("reservationWindowMillis", reservationWindowMillis);
        this.epochMillis = epochMillis;
        this.workerId = workerId;
        this.backwardToleranceMillis = backwardToleranceMillis;
        this.reservationWindowMillis = reservationWindowMillis;

        this.sequenceBits = layout.sequenceBits();
        this.timestampShift = layout.workerBits() + layout.sequenceBits();
        this.maxSequence = layout.maxSequence();
        this.maxTimestamp = layout.maxTimestamp();
        this.workerField = workerId << sequenceBits;

        // Pretend the whole ceiling millisecond was used up, so the first ID after a restart needs a later timestamp.
        long ceiling = Math.max(hwm.load(), 0L);
        long ceilingSinceEpoch = ceiling - epochMillis;
        if (ceilingSinceEpoch > maxTimestamp) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "persisted high-water mark %d is past the last timestamp layout %s can encode (%d); "
                            + "no ID can be issued safely with this epoch and layout",
                    ceiling, layout.spec(), epochMillis + maxTimestamp));
        }
        this.lastIssued = new AtomicLong(pack(Math.max(ceilingSinceEpoch, -1L), maxSequence));
        this.reservedUntil = ceiling;
    }

    /**
     * Issues the next ID.
     *
     * @throws ClockMovedBackwardsException if the clock is too far behind the last issued timestamp
     * @throws IllegalStateException        if the clock is before the epoch or past the layout's last timestamp
     * @throws RuntimeException             whatever {@link HighWaterMarkStore#persist} threw; no ID was issued
     */
    public long nextId() {
        return toId(claim(1));
    }

    /**
     * Issues {@code count} strictly increasing IDs, claiming a whole run of sequence numbers per CAS where it can.
     * IDs are not necessarily consecutive (a batch may span milliseconds, other threads may interleave). If an
     * exception interrupts a batch, the IDs already claimed are simply never handed out, which keeps uniqueness.
     */
    public long[] nextIds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        long[] ids = new long[count];
        int filled = 0;
        while (filled < count) {
            int wanted = count - filled;
            long run = claim(wanted);
            int length = (int) Math.min(wanted, maxSequence - (run & maxSequence) + 1);
            // Consecutive sequences within one millisecond are consecutive IDs.
            long firstId = toId(run);
            for (int i = 0; i < length; i++) {
                ids[filled++] = firstId + i;
            }
        }
        return ids;
    }

    /**
     * Commits a run of {@code min(wanted, maxSequence - first + 1)} sequence numbers within one millisecond and returns
     * the packed (timestamp, first sequence) of the run.
     */
    private long claim(long wanted) {
        while (true) {
            // State first, clock second: the reading is then no older than the state it is compared with.
            long last = lastIssued.get();
            long lastSinceEpoch = last >> sequenceBits; // arithmetic shift keeps the -1 "none yet" marker
            long lastSequence = last & maxSequence;
            long now = clock.millis();
            long nowSinceEpoch = now - epochMillis;

            if (nowSinceEpoch < 0 && lastSinceEpoch < 0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "clock reads %d, before the ID epoch %d; fix the clock or the configured epoch",
                        now, epochMillis));
            }
            if (nowSinceEpoch < lastSinceEpoch) {
                waitForClockOrRefuse(lastSinceEpoch - nowSinceEpoch);
                continue;
            }
            if (nowSinceEpoch > maxTimestamp) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "clock reads %d, past the last timestamp layout %s can encode from epoch %d (%d); "
                                + "the ID space is exhausted",
                        now, layout.spec(), epochMillis, epochMillis + maxTimestamp));
            }

            long first;
            if (nowSinceEpoch > lastSinceEpoch) {
                first = 0;
            } else if (lastSequence < maxSequence) {
                first = lastSequence + 1;
            } else {
                // This millisecond is used up; wait for the next one rather than borrow from the future.
                Thread.onSpinWait();
                continue;
            }
            long lastOfRun = first + Math.min(wanted, maxSequence - first + 1) - 1;

            if (now > reservedUntil) {
                reserveThrough(now);
            }
            if (lastIssued.compareAndSet(last, pack(nowSinceEpoch, lastOfRun))) {
                return pack(nowSinceEpoch, first);
            }
        }
    }

    private void waitForClockOrRefuse(long driftMillis) {
        if (driftMillis > backwardToleranceMillis) {
            // "+ 1": at exactly the last timestamp a used-up millisecond would still have to wait.
            throw new ClockMovedBackwardsException(driftMillis, backwardToleranceMillis, driftMillis + 1);
        }
        if (driftMillis > 1) {
            LockSupport.parkNanos(BEHIND_PARK_NANOS);
        } else {
            Thread.onSpinWait();
        }
    }

    /**
     * Persists a ceiling of {@code timestamp + reservationWindowMillis} before any ID with {@code timestamp} can be
     * committed. This amortises persistence to one synchronous write per window instead of one per ID; after a restart
     * the generator refuses (or waits) until its clock is past the ceiling, so the price is that a restart may wait up
     * to one window. Takes a lock, but only about once per window.
     */
    private void reserveThrough(long timestamp) {
        synchronized (reservationLock) {
            if (timestamp <= reservedUntil) {
                return; // another thread reserved while we waited for the lock
            }
            long ceiling = timestamp > Long.MAX_VALUE - reservationWindowMillis
                    ? Long.MAX_VALUE : timestamp + reservationWindowMillis;
            highWaterMark.persist(ceiling); // if this throws, no ID with this timestamp gets committed
            reservedUntil = ceiling;
        }
    }

    private long pack(long sinceEpoch, long sequence) {
        return (sinceEpoch << sequenceBits) | sequence;
    }

    private long toId(long packed) {
        return ((packed >> sequenceBits) << timestampShift) | workerField | (packed & maxSequence);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    public IdLayout layout() {
        return layout;
    }

    public long epochMillis() {
        return epochMillis;
    }

    public long workerId() {
        return workerId;
    }

    /**
     * Absolute epoch millis of the last issued ID. Before the first ID this is the floor the next ID must exceed: the
     * loaded high-water mark, or {@code epochMillis - 1} if there was none.
     */
    public long lastTimestampMillis() {
        return epochMillis + (lastIssued.get() >> sequenceBits);
    }

    public DecodedId decode(long id) {
        return layout.decode(id);
    }

    /** Absolute epoch millis at which {@code id} was issued (by any generator sharing this layout and epoch). */
    public long timestampMillisOf(long id) {
        return epochMillis + layout.decode(id).timestampSinceEpoch();
    }
}
