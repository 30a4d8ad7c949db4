package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SnowflakeGeneratorConcurrencyTest {

    private static final int THREADS = 8;
    private static final int IDS_PER_THREAD = 1_000_000;

    @Test
    void manyThreadsOnTheSystemClockGetUniqueIdsEachInIncreasingOrder() throws Exception {
        SnowflakeGenerator gen = new SnowflakeGenerator(IdLayout.DEFAULT, SnowflakeGeneratorTest.EPOCH, 42,
                MillisClock.system(), 1_000, new InMemoryHighWaterMarkStore(), 1_000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[][] perThread = new long[THREADS][];
        try {
            Future<?>[] futures = new Future<?>[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures[t] = pool.submit(() -> {
                    long[] ids = new long[IDS_PER_THREAD];
                    start.await();
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = gen.nextId();
                    }
                    perThread[thread] = ids;
                    return null;
                });
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long[] all = new long[THREADS * IDS_PER_THREAD];
        for (int t = 0; t < THREADS; t++) {
            long[] ids = perThread[t];
            for (int i = 1; i < ids.length; i++) {
                if (ids[i] <= ids[i - 1]) {
                    throw new AssertionError("thread " + t + " saw " + ids[i] + " after " + ids[i - 1]);
                }
            }
            System.arraycopy(ids, 0, all, t * IDS_PER_THREAD, IDS_PER_THREAD);
        }
        Arrays.parallelSort(all);
        long duplicates = 0;
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                duplicates++;
            }
        }
        assertThat(duplicates).isZero();
        assertThat(gen.decode(all[0]).workerId()).isEqualTo(42);
        assertThat(gen.decode(all[all.length - 1]).workerId()).isEqualTo(42);
    }
}
