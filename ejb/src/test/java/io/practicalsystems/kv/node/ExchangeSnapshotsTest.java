package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.TokenRange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What a peer's exchange reads here, and what stays behind: one scan per exchange, bounded in count, keys and age. */
class ExchangeSnapshotsTest {

    static final TokenRange RANGE = new TokenRange(0, 100);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final ExchangeSnapshots snapshots = new ExchangeSnapshots(() -> now, Duration.ofSeconds(30));
    final AtomicInteger scans = new AtomicInteger();

    Supplier<Map<String, byte[]>> scanOf(int keys) {
        return () -> {
            scans.incrementAndGet();
            Map<String, byte[]> digests = new HashMap<>();
            for (int i = 0; i < keys; i++) {
                digests.put("k" + i, new byte[] {(byte) scans.get()});
            }
            return digests;
        };
    }

    static AntiEntropyExchange exchange(String id) {
        return new AntiEntropyExchange(id, null);
    }

    @Test
    void theCallsOfOneExchangeShareOneScanUntilItEnds() {
        Map<String, byte[]> first = snapshots.digests(exchange("a"), RANGE, scanOf(3));
        assertThat(snapshots.digests(exchange("a"), RANGE, scanOf(3))).isSameAs(first);
        assertThat(scans).hasValue(1);

        snapshots.end(exchange("a"));

        assertThat(snapshots.kept()).isZero();
        assertThat(snapshots.digests(exchange("a"), RANGE, scanOf(3))).isNotSameAs(first);
        assertThat(scans).hasValue(2);
    }

    @Test
    void withoutAnExchangeEveryCallScansAndNothingIsKept() {
        snapshots.digests(null, RANGE, scanOf(3));
        snapshots.digests(null, RANGE, scanOf(3));
        snapshots.end(null);

        assertThat(scans).hasValue(2);
        assertThat(snapshots.kept()).isZero();
    }

    @Test
    void anExchangeNamingAnotherRangeGetsThatRangeScanned() {
        snapshots.digests(exchange("a"), RANGE, scanOf(3));
        snapshots.digests(exchange("a"), new TokenRange(100, 200), scanOf(3));

        assertThat(scans).hasValue(2);
    }

    @Test
    void atMostMaxExchangesAreKeptTheLeastRecentlyUsedDroppedFirst() {
        for (int i = 0; i <= ExchangeSnapshots.MAX_EXCHANGES; i++) {
            snapshots.digests(exchange("x" + i), RANGE, scanOf(1));
            snapshots.digests(exchange("x0"), RANGE, scanOf(1)); // x0 stays the most recently used
        }

        assertThat(snapshots.kept()).isEqualTo(ExchangeSnapshots.MAX_EXCHANGES);
        int before = scans.get();
        snapshots.digests(exchange("x0"), RANGE, scanOf(1));
        snapshots.digests(exchange("x2"), RANGE, scanOf(1));
        assertThat(scans.get() - before).as("x0 kept, x1 dropped, x2 kept").isZero();
        snapshots.digests(exchange("x1"), RANGE, scanOf(1));
        assertThat(scans.get() - before).isEqualTo(1);
    }

    @Test
    void theKeysKeptAreBoundedToo() {
        int half = ExchangeSnapshots.MAX_KEPT_KEYS / 2;
        snapshots.digests(exchange("a"), RANGE, scanOf(half));
        snapshots.digests(exchange("b"), RANGE, scanOf(half));
        snapshots.digests(exchange("c"), RANGE, scanOf(half)); // a is dropped to make room

        assertThat(snapshots.kept()).isEqualTo(2);
        snapshots.digests(exchange("b"), RANGE, scanOf(1));
        assertThat(scans).hasValue(3);
    }

    @Test
    void anExchangeLeftIdleIsForgotten() {
        snapshots.digests(exchange("a"), RANGE, scanOf(3));
        now = now.plusSeconds(31);

        snapshots.digests(exchange("b"), RANGE, scanOf(3));

        assertThat(snapshots.kept()).isEqualTo(1);
        snapshots.digests(exchange("a"), RANGE, scanOf(3));
        assertThat(scans).hasValue(3);
    }
}
