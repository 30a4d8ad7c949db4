package io.practicalsystems.kv.storage;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * unsaved page memory, which cannot be evicted until a commit writes it.
 *
 * <p>Backpressure: if a measure grows to its inline limit anyway (the thread cannot keep up, or its commits fail), the
 * writer checkpoints itself, so both stay bounded.
 */
final class BackgroundCheckpoints implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundCheckpoints.class.getName());

    /** Log bytes that queue a checkpoint (about 25,000 writes of 100-byte values). */
    static final long LOG_BYTES = 8L << 20;
    /**
     * Unsaved page memory that queues a checkpoint: H2's own auto-commit default, which the store turns off because H2
     * runs it on the writing thread (see {@code MvStoreFile}).
     */
    static final long UNSAVED_MEMORY = 19L << 20;
    /** Beyond this multiple of either threshold a writer commits the store itself: the bound on replay and memory. */
    static final int INLINE_FACTOR = 4;

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

    /** The replica store's policy: the log and the store's unsaved page memory, with the thresholds above. */
    static BackgroundCheckpoints forStore(String name, LongSupplier logBytes, LongSupplier unsavedMemory,
            Runnable checkpoint) {
        return new BackgroundCheckpoints(name, List.of(
                new Limit(logBytes, LOG_BYTES, INLINE_FACTOR * LOG_BYTES),
                new Limit(unsavedMemory, UNSAVED_MEMORY, INLINE_FACTOR * UNSAVED_MEMORY)), checkpoint);
    }

    /** @param checkpoint the checkpoint; must be safe to run concurrently with writes and with itself */
    BackgroundCheckpoints(String name, List<Limit> limits, Runnable checkpoint) {
        this.limits = List.copyOf(limits);
        this.checkpoint = checkpoint;
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
                return;
            }
            due |= current >= limit.background();
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
