package io.practicalsystems.kv.storage;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides when the store commits its file (a checkpoint), and runs the checkpoint on its own thread.
 *
 * <p>Why a thread: a checkpoint commits every page changed since the last one — tens of milliseconds on a busy store.
 * Run by the writer that crossed the threshold, it made that client's request wait for the whole commit: one request
 * in tens of thousands, but at a few thousand writes per second that is a stall every few seconds, and the load
 * generator's p99 (corrected for coordinated omission) counted every request queued behind it. Writers append to the
 * new log segment while the commit runs; nothing they do waits for it.
 *
 * <p>What is watched ({@link Limit}): the log since the last checkpoint — what a reopening replays — and the store's
 * unsaved page memory, which cannot be evicted until a commit writes it. Each threshold is staggered (a random
 * fraction below it, drawn anew per checkpoint), so that replicas fed the same writes do not all checkpoint at once.
 *
 * <p>Backpressure: if a measure grows to its inline limit anyway (the thread cannot keep up, or its commits fail), the
 * writer checkpoints itself, so both stay bounded.
 */
final class BackgroundCheckpoints implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundCheckpoints.class.getName());

    /** Log bytes that queue a checkpoint (about 25,000 writes of 100-byte values). */
    static final long LOG_BYTES = 8L << 20;
    /** Beyond this multiple of the log threshold a writer commits the store itself: the bound on replay. */
    static final int INLINE_FACTOR = 4;
    /**
     * Unsaved page memory that queues a checkpoint, at least: H2's own auto-commit default, which the store turns off
     * because H2 runs it on the writing thread (see {@code MvStoreFile}). A larger heap gets more ({@link
     * #unsavedMemoryLimit}).
     */
    static final long MIN_UNSAVED_MEMORY = 19L << 20;
    /** Nor more than this, whatever the heap: a checkpoint writes every unsaved page in one chunk. */
    static final long MAX_UNSAVED_MEMORY = 256L << 20;
    /**
     * How far below its threshold a checkpoint may be queued: each time a random fraction up to this. Replicas of
     * the same keys receive the same writes, so with fixed thresholds they checkpointed within the same second
     * (measured on the 3-node N=3 cluster); a write waiting for W of them met them all busy at once.
     */
    static final double STAGGER = 0.3;

    /**
     * One measure of what a checkpoint would clear.
     *
     * @param current    its value now
     * @param background from this value on, a checkpoint is queued on the background thread
     * @param inline     from this value on, the writer checkpoints itself
     */
    record Limit(LongSupplier current, long background, long inline) {
        Limit {
            if (background <= 0 || inline < background) {
                throw new IllegalArgumentException("need 0 < background <= inline, got " + background + " and "
                        + inline);
            }
        }
    }

    private final List<Limit> limits;
    private final Runnable checkpoint;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread;
    private final DoubleSupplier stagger;
    /** This cycle's fraction of each background threshold. */
    private volatile double scale;

    /**
     * The replica store's policy: a checkpoint is queued by {@value #LOG_BYTES} bytes of log or by {@link
     * #unsavedMemoryLimit} of unsaved pages, each threshold staggered; a writer checkpoints itself at {@value
     * #INLINE_FACTOR} times the log threshold or twice the memory one.
     */
    static BackgroundCheckpoints forStore(String name, LongSupplier logBytes, LongSupplier unsavedMemory,
            Runnable checkpoint) {
        long memory = unsavedMemoryLimit(Runtime.getRuntime().maxMemory());
        return new BackgroundCheckpoints(name, List.of(
                new Limit(logBytes, LOG_BYTES, INLINE_FACTOR * LOG_BYTES),
                new Limit(unsavedMemory, memory, 2 * memory)), checkpoint,
                () -> 1 - STAGGER * ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The unsaved page memory that queues a checkpoint: an eighth of the heap, within [{@value #MIN_UNSAVED_MEMORY},
     * {@value #MAX_UNSAVED_MEMORY}] bytes.
     *
     * <p>Why it grows with the heap: H2 counts the memory of the pages changed since the last commit, each once, so
     * on a store whose pages outgrow the threshold, writes to random keys reach it after about one write per page.
     * With H2's fixed 19 MB, a 3-node N=3 cluster past about 20 MB of pages checkpointed every 2.5–3 s on every node
     * under load, each checkpoint rewriting nearly every page (250–790 ms of its thread, a 12 MB chunk); with 64 MB
     * (a 512 MB heap), the log threshold decided, and the same load checkpointed every 50–80 s.
     */
    static long unsavedMemoryLimit(long maxHeap) {
        return Math.max(MIN_UNSAVED_MEMORY, Math.min(MAX_UNSAVED_MEMORY, maxHeap / 8));
    }

    /** @param checkpoint the checkpoint; must be safe to run concurrently with writes and with itself */
    BackgroundCheckpoints(String name, List<Limit> limits, Runnable checkpoint) {
        this(name, limits, checkpoint, () -> 1);
    }

    /**
     * @param checkpoint the checkpoint; must be safe to run concurrently with writes and with itself
     * @param stagger    the fraction (in (0, 1]) of each background threshold that queues the next checkpoint,
     *                   drawn anew after each checkpoint
     */
    BackgroundCheckpoints(String name, List<Limit> limits, Runnable checkpoint, DoubleSupplier stagger) {
        this.limits = List.copyOf(limits);
        this.checkpoint = checkpoint;
        this.stagger = stagger;
        this.scale = stagger.getAsDouble();
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "kv-checkpoint " + name);
            t.setDaemon(true); // close() stops it; a JVM exiting without close() loses nothing (the log has it all)
            return t;
        });
    }

    /** Called after every logged write. */
    void afterWrite() {
        boolean due = false;
        for (Limit limit : limits) {
            long current = limit.current().getAsLong();
            if (current >= limit.inline()) {
                checkpoint.run();
                scale = stagger.getAsDouble();
                return;
            }
            due |= current >= limit.background() * scale;
        }
        if (due && queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::runQueued);
            } catch (RuntimeException e) { // rejected: closing
                queued.set(false);
            }
        }
    }

    private void runQueued() {
        try {
            checkpoint.run();
            scale = stagger.getAsDouble();
        } catch (RuntimeException e) {
            // The log still holds every change: nothing is lost, the next write queues another try.
            LOG.log(Level.WARNING, "background checkpoint failed; the log keeps growing until one succeeds", e);
        } finally {
            queued.set(false);
        }
    }

    /** Whether no background checkpoint is queued or running. */
    boolean idle() {
        return !queued.get();
    }

    /** Stops the thread, waiting for a checkpoint in progress. */
    @Override
    public void close() {
        thread.shutdown(); // not shutdownNow: an interrupt would close the file channel under a running commit
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
