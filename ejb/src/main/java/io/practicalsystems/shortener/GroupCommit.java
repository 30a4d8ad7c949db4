package io.practicalsystems.shortener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit: items submitted at about the same time are written as one batch (one transaction), and each
 * submitter waits until its batch is written before it gets its own outcome. Why: a database pays a commit per
 * transaction, and writing n rows in one costs little more than one row.
 *
 * <p>Leader/follower, no thread of its own: a submitter that finds nobody writing becomes the leader and writes
 * batches of up to {@code maxBatch} queued items until its own item is written, then hands the lead to the oldest
 * waiting submitter (or, if none waits, gives it up). Everyone else waits for their outcome. One batch is written at
 * a time, in queue order; the items that arrive while a batch is written make the next one, so batches grow with the
 * load by themselves and a lone submitter writes at once.
 *
 * <p>Bounded: at most {@code maxQueued} items wait; one more is {@link Rejected} at once (overload), as is any item
 * after {@link #close}. The writer decides each item's outcome ({@link Entry#succeed}, {@link Entry#fail}); an item it
 * leaves undecided, or every undecided item of a batch whose write throws, fails.
 */
public final class GroupCommit<T, R> {

    /** Writes one batch, deciding each entry's outcome. */
    @FunctionalInterface
    public interface BatchWriter<T, R> {
        void write(List<Entry<T, R>> batch) throws Exception;
    }

    /** Not queued: the queue is full or the group commit closed. Nothing of the item was written. */
    public static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    private final BatchWriter<T, R> writer;
    private final int maxBatch;
    private final int maxQueued;
    private final ArrayBlockingQueue<Entry<T, R>> queue;
    private final AtomicBoolean leading = new AtomicBoolean();
    private volatile boolean closed;

    public GroupCommit(BatchWriter<T, R> writer, int maxBatch, int maxQueued) {
        if (maxBatch < 1 || maxQueued < maxBatch) {
            throw new IllegalArgumentException("need 1 <= maxBatch <= maxQueued, got " + maxBatch + ", " + maxQueued);
        }
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.maxQueued = maxQueued;
        this.queue = new ArrayBlockingQueue<>(maxQueued);
    }

    /** Writes {@code item} with whatever else is queued; returns the writer's result or throws its failure. */
    public R submit(T item) {
        if (closed) {
            throw new Rejected("closed");
        }
        Entry<T, R> entry = new Entry<>(item);
        if (!queue.offer(entry)) {
            throw new Rejected(maxQueued + " writes already waiting");
        }
        if (leading.compareAndSet(false, true)) {
            lead(entry);
        }
        while (entry.awaitOutcomeOrLead()) {
            lead(entry);
        }
        return entry.outcome();
    }

    /** Refuses new items and waits (at most {@code timeout}) for the queued ones to be written; false if some remain. */
    public boolean close(long timeout, TimeUnit unit) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!queue.isEmpty() || leading.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Items waiting for a batch (not those being written). */
    int queued() {
        return queue.size();
    }

    /** Called holding the lead: writes batches until {@code own} is decided, then passes the lead on. */
    private void lead(Entry<T, R> own) {
        try {
            while (!own.isDecided()) {
                List<Entry<T, R>> batch = new ArrayList<>(Math.min(maxBatch, queue.size()));
                queue.drainTo(batch, maxBatch);
                write(batch);
            }
        } finally {
            handOff();
        }
    }

    private void write(List<Entry<T, R>> batch) {
        try {
            writer.write(batch);
        } catch (Exception e) {
            RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("batch write failed: " + e, e);
            batch.forEach(entry -> entry.fail(failure));
        } finally {
            batch.forEach(entry -> entry.fail(new IllegalStateException("the batch writer left this item undecided")));
        }
    }

    /**
     * The oldest waiting submitter leads next; with nobody waiting the lead is given up. A submitter that queued just
     * before that, and found the lead taken, is seen by the second look at the queue.
     */
    private void handOff() {
        while (true) {
            Entry<T, R> next = queue.peek();
            if (next != null) {
                next.promote();
                return;
            }
            leading.set(false);
            if (queue.isEmpty() || !leading.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** One submitted item and its outcome; the writer decides it once (later decisions are ignored). */
    public static final class Entry<T, R> {
        private final T item;
        private boolean decided;
        private boolean promoted;
        private R result;
        private RuntimeException failure;

        /** Public for writers' tests: a writer can be run on entries made by hand. */
        public Entry(T item) {
            this.item = item;
        }

        public T item() {
            return item;
        }

        public synchronized void succeed(R value) {
            if (!decided) {
                result = value;
                decided = true;
                notifyAll();
            }
        }

        public synchronized void fail(RuntimeException e) {
            if (!decided) {
                failure = e;
                decided = true;
                notifyAll();
            }
        }

        synchronized boolean isDecided() {
            return decided;
        }

        synchronized void promote() {
            promoted = true;
            notifyAll();
        }

        /** Waits until decided (false) or handed the lead (true). Uninterruptible: the lead must never be dropped. */
        synchronized boolean awaitOutcomeOrLead() {
            boolean interrupted = false;
            while (!decided && !promoted) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (decided) {
                return false;
            }
            promoted = false;
            return true;
        }

        /** The result, or the failure thrown; null result if undecided. */
        public synchronized R outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
