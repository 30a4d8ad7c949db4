package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClickAggregatorTest {

    private static final LocalDate NOV_28 = LocalDate.parse("2026-11-28");

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void countsPerCodeDayReferrerAndAgent() {
        ClickAggregator clicks = new ClickAggregator(100);
        clicks.count("abc", at("2026-11-28T10:00:00Z"), "a.example", "chrome");
        clicks.count("abc", at("2026-11-28T11:00:00Z"), "a.example", "chrome");
        clicks.count("abc", at("2026-11-28T12:00:00Z"), "a.example", "firefox");
        clicks.count("abc", at("2026-11-28T12:00:00Z"), "direct", "chrome");
        clicks.count("xyz", at("2026-11-28T12:00:00Z"), "a.example", "chrome");

        assertThat(clicks.drain()).containsExactly(
                new DailyStat("abc", NOV_28, "a.example", "chrome", 2),
                new DailyStat("abc", NOV_28, "a.example", "firefox", 1),
                new DailyStat("abc", NOV_28, "direct", "chrome", 1),
                new DailyStat("xyz", NOV_28, "a.example", "chrome", 1));
    }

    @Test
    void theDayIsTheUtcDayOfTheClick() {
        ClickAggregator clicks = new ClickAggregator(100);
        clicks.count("abc", at("2026-11-28T23:59:59.999Z"), "", "chrome");
        clicks.count("abc", at("2026-11-29T00:00:00Z"), "", "chrome");
        clicks.count("abc", at("2026-11-28T23:59:59Z"), "", "chrome"); // served before midnight, counted after

        assertThat(clicks.drain()).containsExactly(
                new DailyStat("abc", NOV_28, "", "chrome", 2),
                new DailyStat("abc", NOV_28.plusDays(1), "", "chrome", 1));
        clicks.count("abc", at("1969-12-31T23:00:00Z"), "", "chrome"); // negative epoch millis: the day before 1970
        assertThat(clicks.drain()).extracting(DailyStat::day).containsExactly(LocalDate.parse("1969-12-31"));
    }

    @Test
    void aDrainTakesEverythingOut() {
        ClickAggregator clicks = new ClickAggregator(100);
        clicks.count("abc", at("2026-11-28T10:00:00Z"), "", "chrome");
        assertThat(clicks.drain()).hasSize(1);
        assertThat(clicks.drain()).isEmpty();
        clicks.count("abc", at("2026-11-28T10:00:00Z"), "", "chrome");
        assertThat(clicks.drain()).containsExactly(new DailyStat("abc", NOV_28, "", "chrome", 1));
    }

    @Test
    void beyondMaxKeysNewCountersAreRefusedButExistingOnesStillCount() {
        ClickAggregator clicks = new ClickAggregator(2);
        assertThat(clicks.count("a", at("2026-11-28T10:00:00Z"), "", "chrome")).isTrue();
        assertThat(clicks.count("b", at("2026-11-28T10:00:00Z"), "", "chrome")).isTrue();
        assertThat(clicks.count("c", at("2026-11-28T10:00:00Z"), "", "chrome")).isFalse();
        assertThat(clicks.count("a", at("2026-11-28T10:00:00Z"), "", "chrome")).isTrue();

        assertThat(clicks.drain()).extracting(DailyStat::code, DailyStat::clicks)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 2L), org.assertj.core.groups.Tuple.tuple("b", 1L));
        assertThat(clicks.count("c", at("2026-11-28T10:00:00Z"), "", "chrome")).as("room again after a drain").isTrue();
        assertThat(new ClickAggregator(0).count("a", 0, "", "chrome")).as("0 turns capture off").isFalse();
        assertThatThrownBy(() -> new ClickAggregator(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Many threads counting while another drains over and over: every click is in exactly one drain. */
    @Test
    void countsStayExactWhileDrainsRunConcurrently() throws Exception {
        int threads = 8;
        int clicksPerThread = 20_000;
        String[] codes = {"a", "b", "c", "d", "e"};
        String[] referrers = {"direct", "x.example", "y.example"};
        long day = at("2026-11-28T12:00:00Z");
        ClickAggregator clicks = new ClickAggregator(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean counting = new AtomicBoolean(true);
        try {
            List<Future<?>> counters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                counters.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < clicksPerThread; i++) {
                        int n = thread + i;
                        // two days, so a counter of either day can be drained while the other is being counted
                        clicks.count(codes[n % codes.length], day + (i % 2) * 86_400_000L,
                                referrers[n % referrers.length], "chrome");
                    }
                    return null;
                }));
            }
            Future<List<DailyStat>> drains = pool.submit(() -> {
                List<DailyStat> drained = new ArrayList<>();
                start.await();
                int rounds = 0;
                while (counting.get() || rounds == 0) {
                    drained.addAll(clicks.drain());
                    rounds++;
                }
                return drained;
            });
            start.countDown();
            for (Future<?> counter : counters) {
                counter.get(60, TimeUnit.SECONDS);
            }
            counting.set(false);
            List<DailyStat> drained = new ArrayList<>(drains.get(60, TimeUnit.SECONDS));
            drained.addAll(clicks.drain());

            Map<String, Long> expected = new HashMap<>();
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < clicksPerThread; i++) {
                    int n = t + i;
                    expected.merge(codes[n % codes.length] + "|" + (i % 2) + "|" + referrers[n % referrers.length], 1L,
                            Long::sum);
                }
            }
            Map<String, Long> actual = new HashMap<>();
            LocalDate first = LocalDate.parse("2026-11-28");
            for (DailyStat row : drained) {
                actual.merge(row.code() + "|" + (row.day().equals(first) ? 0 : 1) + "|" + row.referrerHost(),
                        row.clicks(), Long::sum);
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(drained.stream().mapToLong(DailyStat::clicks).sum()).isEqualTo((long) threads * clicksPerThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
