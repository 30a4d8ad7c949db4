package io.practicalsystems.kv.storage;

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
 * <p>Backpressure: if the log grows to {@code inlineBytes} anyway (the thread cannot keep up, or its commits fail),
 * the writer checkpoints itself, so the log — what a reopening replays — stays bounded.
 */
final class BackgroundCheckpoints implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundCheckpoints.class.getName());

    private final LongSupplier logBytes;
    private final long backgroundBytes;
    private final long inlineBytes;
    private final Runnable checkpoint;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread;

    /**
     * @param logBytes        log bytes since the last checkpoint
     * @param backgroundBytes from this size on, a checkpoint is queued on the background thread
     * @param inlineBytes     from this size on, the writer checkpoints itself
     * @param checkpoint      the checkpoint; must be safe to run concurrently with writes and with itself
     */
    BackgroundCheckpoints(String name, LongSupplier logBytes, long backgroundBytes, long inlineBytes,
            Runnable checkpoint) {
        if (backgroundBytes <= 0 || inlineBytes < backgroundBytes) {
            throw new IllegalArgumentException("need 0 < backgroundBytes <= inlineBytes, got " + backgroundBytes
                    + " and " + inlineBytes);
        }
        this.logBytes = logBytes;
        this.backgroundBytes = backgroundBytes;
        this.inlineBytes = inlineBytes;
        this.checkpoint = checkpoint;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "kv-checkpoint " + name);
            t.setDaemon(true); // close() stops it; a JVM exiting without close() loses nothing (the log has it all)
            return t;
        });
    }

    /** Called after every logged write. */
    void afterWrite() {
        long bytes = logBytes.getAsLong();
        if (bytes >= inlineBytes) {
            checkpoint.run();
        } else if (bytes >= backgroundBytes && queued.compareAndSet(false, true)) {
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
