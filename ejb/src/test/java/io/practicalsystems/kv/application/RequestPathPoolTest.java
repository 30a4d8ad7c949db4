package io.practicalsystems.kv.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestPathPoolTest {

    private final AtomicInteger created = new AtomicInteger();
    private final ThreadFactory managedThreads = task -> {
        Thread thread = new Thread(task, "managed-" + created.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };

    @Test
    void tasksRunOnThreadsFromTheGivenFactory() throws Exception {
        ExecutorService pool = RequestPathPool.create(managedThreads);
        try {
            Set<String> names = ConcurrentHashMap.newKeySet();
            CountDownLatch done = new CountDownLatch(100);
            for (int i = 0; i < 100; i++) {
                pool.execute(() -> {
                    names.add(Thread.currentThread().getName());
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(names).isNotEmpty().allMatch(name -> name.startsWith("managed-"));
            assertThat(created.get()).isBetween(1, RequestPathPool.THREADS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Store writes block on the log's group commit: that many blocked tasks must not stop the next from running. */
    @Test
    void asManyBlockedTasksAsThreadsStillLetEachRun() throws Exception {
        ExecutorService pool = RequestPathPool.create(managedThreads);
        try {
            CountDownLatch allRunning = new CountDownLatch(RequestPathPool.THREADS);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < RequestPathPool.THREADS; i++) {
                pool.execute(() -> {
                    allRunning.countDown();
                    await(release);
                });
            }
            assertThat(allRunning.await(10, TimeUnit.SECONDS)).as("every task runs at once").isTrue();
            CountDownLatch queued = new CountDownLatch(1);
            pool.execute(queued::countDown);
            release.countDown();
            assertThat(queued.await(10, TimeUnit.SECONDS)).as("a task queued behind them runs").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
