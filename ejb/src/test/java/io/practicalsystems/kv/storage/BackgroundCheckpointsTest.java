package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BackgroundCheckpointsTest {

    private final AtomicLong logBytes = new AtomicLong();
    private final AtomicLong unsavedMemory = new AtomicLong();
    private final List<String> ranOn = new CopyOnWriteArrayList<>();

    private BackgroundCheckpoints checkpoints(Runnable checkpoint) {
        return new BackgroundCheckpoints("test", List.of(new BackgroundCheckpoints.Limit(logBytes::get, 100, 400),
                new BackgroundCheckpoints.Limit(unsavedMemory::get, 1_000, 4_000)), checkpoint);
    }

    @Test
    void belowTheThresholdNothingRuns() {
        try (BackgroundCheckpoints checkpoints = checkpoints(() -> ranOn.add(Thread.currentThread().getName()))) {
            logBytes.set(99);
            unsavedMemory.set(999);
            checkpoints.afterWrite();
        }
        assertThat(ranOn).isEmpty();
    }

    @Test
    void atTheThresholdTheCheckpointRunsOnItsOwnThreadNotTheWriters() throws Exception {
        logBytes.set(100);
        assertOneCheckpointOnTheBackgroundThread();
    }

    @Test
    void anyLimitQueuesACheckpoint() throws Exception {
        logBytes.set(1); // little log, much unsaved memory: big values, or a store that rewrites many pages
        unsavedMemory.set(1_000);
        assertOneCheckpointOnTheBackgroundThread();
    }

    private void assertOneCheckpointOnTheBackgroundThread() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        try (BackgroundCheckpoints checkpoints = checkpoints(() -> {
            ranOn.add(Thread.currentThread().getName());
            done.countDown();
        })) {
            checkpoints.afterWrite();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ranOn).containsExactly("kv-checkpoint test");
    }

    @Test
    void writersDoNotQueueASecondCheckpointWhileOneIsPending() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (BackgroundCheckpoints checkpoints = checkpoints(() -> {
            runs.incrementAndGet();
            await(release);
        })) {
            logBytes.set(150);
            for (int i = 0; i < 50; i++) {
                checkpoints.afterWrite();
            }
            release.countDown();
        } // close waits for the queued checkpoint
        assertThat(runs).hasValue(1);
    }

    @Test
    void aMeasureThatOutgrowsTheThreadIsCheckpointedByTheWriterItself() {
        CountDownLatch release = new CountDownLatch(1);
        try (BackgroundCheckpoints checkpoints = checkpoints(() -> {
            if (Thread.currentThread().getName().startsWith("kv-checkpoint")) {
                await(release); // a background checkpoint that cannot keep up
            } else {
                ranOn.add("writer");
            }
        })) {
            logBytes.set(150);
            checkpoints.afterWrite();
            unsavedMemory.set(4_000);
            checkpoints.afterWrite();
            release.countDown();
        }
        assertThat(ranOn).containsExactly("writer");
    }

    @Test
    void aFailedCheckpointIsRetriedAfterTheNextWrite() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        try (BackgroundCheckpoints checkpoints = checkpoints(() -> {
            attempts.incrementAndGet();
            second.countDown();
            if (attempts.get() == 1) {
                throw new IllegalStateException("disk full");
            }
        })) {
            logBytes.set(100);
            checkpoints.afterWrite();
            waitUntilIdle(checkpoints); // the first attempt has failed
            checkpoints.afterWrite();
            assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aStaggeredThresholdQueuesTheCheckpointEarlierAndIsDrawnAnewAfterEachOne() throws Exception {
        Deque<Double> fractions = new ArrayDeque<>(List.of(0.5, 1.0));
        AtomicInteger runs = new AtomicInteger();
        try (BackgroundCheckpoints checkpoints = new BackgroundCheckpoints("test",
                List.of(new BackgroundCheckpoints.Limit(logBytes::get, 100, 400)), runs::incrementAndGet,
                fractions::removeFirst)) {
            logBytes.set(49);
            checkpoints.afterWrite();
            waitUntilIdle(checkpoints);
            assertThat(runs).hasValue(0);

            logBytes.set(50); // half the threshold: this cycle's fraction
            checkpoints.afterWrite();
            waitUntilIdle(checkpoints);
            assertThat(runs).hasValue(1);

            checkpoints.afterWrite(); // the next cycle drew 1.0: 50 no longer queues one
            waitUntilIdle(checkpoints);
            assertThat(runs).hasValue(1);

            logBytes.set(100);
            fractions.add(1.0);
            checkpoints.afterWrite();
            waitUntilIdle(checkpoints);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void theStoresStaggerNeverRaisesAThresholdAndVaries() {
        Set<Long> firstQueuedAt = new HashSet<>();
        for (int store = 0; store < 20; store++) {
            AtomicInteger runs = new AtomicInteger();
            AtomicLong log = new AtomicLong();
            try (BackgroundCheckpoints checkpoints = BackgroundCheckpoints.forStore("test", log::get, () -> 0,
                    runs::incrementAndGet)) {
                while (runs.get() == 0 && log.get() < BackgroundCheckpoints.LOG_BYTES) {
                    log.addAndGet(BackgroundCheckpoints.LOG_BYTES / 100);
                    checkpoints.afterWrite();
                    waitUntilIdleQuietly(checkpoints);
                }
                assertThat(runs).hasValue(1);
                assertThat(log.get()).isGreaterThanOrEqualTo(
                        (long) ((1 - BackgroundCheckpoints.STAGGER) * BackgroundCheckpoints.LOG_BYTES));
                firstQueuedAt.add(log.get());
            }
        }
        assertThat(firstQueuedAt).as("replicas with the same writes checkpoint at different points").hasSizeGreaterThan(1);
    }

    @Test
    void theUnsavedMemoryThresholdIsAnEighthOfTheHeapWithinBounds() {
        assertThat(BackgroundCheckpoints.unsavedMemoryLimit(512L << 20)).isEqualTo(64L << 20);
        assertThat(BackgroundCheckpoints.unsavedMemoryLimit(64L << 20))
                .isEqualTo(BackgroundCheckpoints.MIN_UNSAVED_MEMORY);
        assertThat(BackgroundCheckpoints.unsavedMemoryLimit(16L << 30))
                .isEqualTo(BackgroundCheckpoints.MAX_UNSAVED_MEMORY);
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new BackgroundCheckpoints.Limit(() -> 0, 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackgroundCheckpoints.Limit(() -> 0, 10, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Polls until no checkpoint is queued or running. */
    private static void waitUntilIdle(BackgroundCheckpoints checkpoints) throws InterruptedException {
        while (!checkpoints.idle()) {
            Thread.sleep(1);
        }
    }

    private static void waitUntilIdleQuietly(BackgroundCheckpoints checkpoints) {
        try {
            waitUntilIdle(checkpoints);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
