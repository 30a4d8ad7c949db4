package io.practicalsystems.idgen;

import static io.practicalsystems.idgen.SnowflakeGeneratorTest.EPOCH;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.T;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.TINY_SEQUENCE;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.generator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnowflakeGeneratorBatchTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsNonPositiveCounts(int count) {
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, new ManualClock(T), 5);

        assertThatThrownBy(() -> gen.nextIds(count))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count must be >= 1");
    }

    @Test
    void batchWithinOneMillisecondIsConsecutiveSequences() {
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, new ManualClock(T), 5);
        long single = gen.nextId();

        long[] ids = gen.nextIds(100);

        assertThat(ids).hasSize(100);
        for (int i = 0; i < ids.length; i++) {
            assertThat(gen.decode(ids[i])).isEqualTo(new DecodedId(ids[i], T - EPOCH, 7, i + 1));
        }
        assertThat(ids[0]).isGreaterThan(single);
        assertThat(gen.nextId()).isEqualTo(ids[99] + 1);
    }

    @Test
    void batchSpanningManyMillisecondsIsStrictlyIncreasingAndNeverAheadOfTheClock() {
        ScriptedClock clock = ScriptedClock.ticking(T, 3);
        SnowflakeGenerator gen = generator(TINY_SEQUENCE, clock, 5);
        gen.nextIds(5); // start mid-millisecond so the first run is truncated

        long[] ids = gen.nextIds(10_000);

        assertThat(ids).hasSize(10_000);
        for (int i = 1; i < ids.length; i++) {
            assertThat(ids[i]).isGreaterThan(ids[i - 1]);
        }
        assertThat(Arrays.stream(ids).map(id -> gen.decode(id).workerId()).distinct()).containsExactly(7L);
        assertThat(gen.timestampMillisOf(ids[ids.length - 1])).isLessThanOrEqualTo(clock.lastReading());
        // 16 IDs per millisecond: 10,000 IDs need at least 625 distinct milliseconds.
        assertThat(Arrays.stream(ids).map(gen::timestampMillisOf).distinct().count()).isGreaterThanOrEqualTo(625);
        assertThat(gen.nextId()).isGreaterThan(ids[ids.length - 1]);
    }

    @Test
    void concurrentBatchesAndSingleIdsNeverCollide() throws Exception {
        SnowflakeGenerator gen = generator(TINY_SEQUENCE, MillisClock.system(), 1_000);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] results = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                results[t] = pool.submit(() -> {
                    LongStream.Builder mine = LongStream.builder();
                    long previous = -1;
                    for (int i = 0; i < 100; i++) {
                        for (long id : gen.nextIds(37)) {
                            assertThat(id).isGreaterThan(previous);
                            previous = id;
                            mine.add(id);
                        }
                        long single = gen.nextId();
                        assertThat(single).isGreaterThan(previous);
                        previous = single;
                        mine.add(single);
                    }
                    return mine.build().toArray();
                });
            }
            long[] all = new long[0];
            for (Future<?> result : results) {
                long[] mine = (long[]) result.get(60, TimeUnit.SECONDS);
                long[] merged = Arrays.copyOf(all, all.length + mine.length);
                System.arraycopy(mine, 0, merged, all.length, mine.length);
                all = merged;
            }
            assertThat(all).hasSize(threads * 100 * 38);
            assertThat(Arrays.stream(all).distinct().count()).isEqualTo(all.length);
        } finally {
            pool.shutdownNow();
        }
    }
}
