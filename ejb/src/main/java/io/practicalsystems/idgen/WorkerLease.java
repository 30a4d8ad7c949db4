package io.practicalsystems.idgen;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * A worker ID leased from a {@link LeaseStore}, with local fencing.
 *
 * <p>Fencing: the lease is considered valid locally only until {@code t + ttl - safetyMargin}, where {@code t} is the
 * monotonic time read <em>before</em> the store call that granted or renewed it and {@code safetyMargin = max(ttl/10,
 * 1 ms)}. The store's TTL started no earlier than {@code t}, so the local view expires before the store can hand the ID
 * to another instance, even allowing for some clock-rate difference. The holder must check {@link #isHeld()} before
 * issuing and stop once it turns false; failed renewals never extend validity.
 *
 * <p>{@link #fixed(int)} creates an operator-assigned lease for single-instance deployments: always held, no store,
 * and no fencing, so uniqueness across instances is then the operator's responsibility.
 *
 * <p>{@link #isHeld()} is lock-free (called per ID); acquire/renew/release are serialised with each other.
 */
public final class WorkerLease {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final int MAX_WORKER_ID = (1 << IdLayout.MAX_WORKER_BITS) - 1;

    private final LeaseStore store;
    private final String owner;
    private final int minWorkerId;
    private final int maxWorkerId;
    private final long ttlMillis;
    private final long validityNanos;
    private final LongSupplier monotonicNanos;
    private final IntUnaryOperator startOffset;
    private final boolean fixed;

    /** Immutable so isHeld() sees a consistent (id, deadline) pair without locking. */
    private record Holding(int workerId, long validUntilNanos, boolean lost) {
    }

    private volatile Holding holding;

    /**
     * @param owner          unique per instance (e.g. host + pid + random), recorded in the store
     * @param ttlMillis      store-side lease length; must be >= 2 so that something is left after the safety margin
     * @param monotonicNanos e.g. {@code System::nanoTime}; must not jump with wall-clock changes
     */
    public WorkerLease(LeaseStore store, String owner, int minWorkerId, int maxWorkerId, long ttlMillis,
            LongSupplier monotonicNanos) {
        this(store, owner, minWorkerId, maxWorkerId, ttlMillis, monotonicNanos, randomStartOffset());
    }

    /** For tests: {@code startOffset} maps the range size to the offset of the first ID tried. */
    WorkerLease(LeaseStore store, String owner, int minWorkerId, int maxWorkerId, long ttlMillis,
            LongSupplier monotonicNanos, IntUnaryOperator startOffset) {
        this.store = Objects.requireNonNull(store, "store");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.monotonicNanos = Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        this.startOffset = Objects.requireNonNull(startOffset, "startOffset");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
        if (minWorkerId < 0 || maxWorkerId < minWorkerId || maxWorkerId > MAX_WORKER_ID) {
            throw new IllegalArgumentException("worker ID range must satisfy 0 <= min <= max <= " + MAX_WORKER_ID
                    + ", got " + minWorkerId + ".." + maxWorkerId);
        }
        if (ttlMillis < 2 || ttlMillis > Long.MAX_VALUE / NANOS_PER_MILLI) {
            throw new IllegalArgumentException("ttlMillis must be >= 2 (and fit in nanoseconds), got " + ttlMillis);
        }
        this.minWorkerId = minWorkerId;
        this.maxWorkerId = maxWorkerId;
        this.ttlMillis = ttlMillis;
        long safetyMarginMillis = Math.max(ttlMillis / 10, 1L);
        this.validityNanos = (ttlMillis - safetyMarginMillis) * NANOS_PER_MILLI;
        this.fixed = false;
    }

    private WorkerLease(int fixedWorkerId) {
        this.store = null;
        this.owner = "fixed";
        this.minWorkerId = fixedWorkerId;
        this.maxWorkerId = fixedWorkerId;
        this.ttlMillis = Long.MAX_VALUE;
        this.validityNanos = Long.MAX_VALUE;
        this.monotonicNanos = () -> 0L;
        this.startOffset = size -> 0;
        this.fixed = true;
        this.holding = new Holding(fixedWorkerId, Long.MAX_VALUE, false);
    }

    /** An operator-assigned worker ID: always held, never touches a store (see class comment). */
    public static WorkerLease fixed(int workerId) {
        if (workerId < 0 || workerId > MAX_WORKER_ID) {
            throw new IllegalArgumentException("workerId must be in 0.." + MAX_WORKER_ID + ", got " + workerId);
        }
        return new WorkerLease(workerId);
    }

    private static IntUnaryOperator randomStartOffset() {
        // Random start so instances booting together don't all race for the same low IDs.
        SplittableRandom random = new SplittableRandom();
        return random::nextInt; // only called under the lease's lock, so an unsynchronised PRNG is fine
    }

    /**
     * Leases a free worker ID, trying the range from a random offset with wrap-around. Idempotent while the lease is
     * held; after it was lost, drops it and leases afresh (possibly a different ID).
     *
     * @throws NoWorkerIdAvailableException if every ID in the range is taken
     * @throws RuntimeException             if the store is unreachable
     */
    public synchronized int acquire() {
        Holding current = holding;
        if (fixed || (current != null && isValid(current))) {
            return current.workerId();
        }
        if (current != null) {
            holding = null;
            releaseQuietly(current.workerId());
        }
        int size = maxWorkerId - minWorkerId + 1;
        int offset = Math.floorMod(startOffset.applyAsInt(size), size);
        for (int i = 0; i < size; i++) {
            int candidate = minWorkerId + (offset + i) % size;
            long before = monotonicNanos.getAsLong();
            if (store.tryAcquire(candidate, owner, ttlMillis)) {
                holding = new Holding(candidate, before + validityNanos, false);
                return candidate;
            }
        }
        throw new NoWorkerIdAvailableException(minWorkerId, maxWorkerId);
    }

    /**
     * Extends the lease. On failure validity is not extended: a store error leaves the current deadline (the lease may
     * still be ours, and we stop by ourselves when it runs out); a {@code false} from the store means the lease is gone,
     * so it stops being held immediately. A successful renewal after the local deadline passed revives the lease:
     * the store has just confirmed nobody else got it.
     */
    public synchronized boolean renew() {
        Holding current = holding;
        if (fixed) {
            return true;
        }
        if (current == null || current.lost()) {
            return false;
        }
        long before = monotonicNanos.getAsLong();
        boolean renewed;
        try {
            renewed = store.renew(current.workerId(), owner, ttlMillis);
        } catch (RuntimeException e) {
            return false;
        }
        holding = renewed
                ? new Holding(current.workerId(), before + validityNanos, false)
                : new Holding(current.workerId(), current.validUntilNanos(), true);
        return renewed;
    }

    /** True while the worker ID may be used to issue IDs. */
    public boolean isHeld() {
        Holding current = holding;
        return fixed || (current != null && isValid(current));
    }

    /** The leased worker ID until {@link #release()}, even if the lease has lapsed; check {@link #isHeld()}. */
    public OptionalInt workerId() {
        Holding current = holding;
        return current == null ? OptionalInt.empty() : OptionalInt.of(current.workerId());
    }

    /** Milliseconds of local validity left (0 if not held; {@code Long.MAX_VALUE} for a fixed ID). */
    public long remainingValidityMillis() {
        if (fixed) {
            return Long.MAX_VALUE;
        }
        Holding current = holding;
        if (current == null || current.lost()) {
            return 0;
        }
        long remaining = current.validUntilNanos() - monotonicNanos.getAsLong();
        return remaining <= 0 ? 0 : remaining / NANOS_PER_MILLI;
    }

    /**
     * Gives the worker ID back. Local state is cleared first so the ID is never used again even if the store call
     * throws; in that case the store entry simply expires after its TTL. No-op for a fixed ID.
     */
    public synchronized void release() {
        Holding current = holding;
        if (fixed || current == null) {
            return;
        }
        holding = null;
        store.release(current.workerId(), owner);
    }

    public String owner() {
        return owner;
    }

    public boolean isFixed() {
        return fixed;
    }

    private boolean isValid(Holding current) {
        // Subtraction, not <, so the comparison survives nanoTime wrap-around.
        return !current.lost() && monotonicNanos.getAsLong() - current.validUntilNanos() < 0;
    }

    private void releaseQuietly(int workerId) {
        try {
            store.release(workerId, owner);
        } catch (RuntimeException e) {
            // Best effort: a lapsed lease we cannot release expires by its TTL anyway.
        }
    }
}
