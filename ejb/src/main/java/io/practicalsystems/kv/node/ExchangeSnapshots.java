package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.TokenRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The version digests of a range that a peer's anti-entropy exchange reads here, kept from its first call (the root
 * hash) to its last (the differing buckets' digests), so this node scans the range once per exchange instead of once
 * per call — as Cassandra's repair has each replica build its tree once per session. Under writes a root differs
 * wherever a write landed between the two sides' scans, and such an exchange went on to a second and third call, each
 * a full scan of the range (docs/kv.md, "Anti-entropy passes", has what that cost).
 *
 * <p>An exchange thus sees this node's range as it was at its first call, as one call answering everything would;
 * a write landing meanwhile is the next pass's to compare. Bounded: an exchange whose roots agree is ended at once
 * (nothing follows); at most {@value #MAX_EXCHANGES} exchanges and {@value #MAX_KEPT_KEYS} keys are kept in all (the
 * least recently used dropped first); one unused for {@code maxIdle} is dropped, so a peer that died mid-exchange
 * leaves nothing behind for long.
 * Thread-safe; scans run outside the lock.
 */
final class ExchangeSnapshots {

    static final int MAX_EXCHANGES = 32;
    static final int MAX_KEPT_KEYS = 200_000;

    private record Snapshot(TokenRange range, Map<String, byte[]> digests, Instant lastUsed) {
    }

    private final Supplier<Instant> clock;
    private final Duration maxIdle;
    private final LinkedHashMap<String, Snapshot> byExchange = new LinkedHashMap<>(16, 0.75f, true);

    ExchangeSnapshots(Supplier<Instant> clock, Duration maxIdle) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxIdle = Objects.requireNonNull(maxIdle, "maxIdle");
    }

    /**
     * The range's digests for this call of {@code exchange}: the snapshot its first call took, or a fresh
     * {@code scan}, kept for its later calls until {@link #end}. Without an exchange, a fresh scan, kept nowhere.
     */
    Map<String, byte[]> digests(AntiEntropyExchange exchange, TokenRange range, Supplier<Map<String, byte[]>> scan) {
        if (exchange == null) {
            return scan.get();
        }
        Instant now = clock.get();
        synchronized (this) {
            dropIdle(now);
            Snapshot kept = byExchange.get(exchange.id());
            if (kept != null && kept.range().equals(range)) {
                byExchange.put(exchange.id(), new Snapshot(range, kept.digests(), now));
                return kept.digests();
            }
        }
        Map<String, byte[]> digests = Collections.unmodifiableMap(scan.get());
        keep(exchange.id(), new Snapshot(range, digests, now));
        return digests;
    }

    /** Drops {@code exchange}'s snapshot: its last call was answered. */
    synchronized void end(AntiEntropyExchange exchange) {
        if (exchange != null) {
            byExchange.remove(exchange.id());
        }
    }

    synchronized int kept() {
        return byExchange.size();
    }

    /** Keeps the snapshot, then drops the least recently used ones while over a bound (a sum over at most 33). */
    private synchronized void keep(String id, Snapshot snapshot) {
        byExchange.put(id, snapshot);
        long keys = byExchange.values().stream().mapToLong(kept -> kept.digests().size()).sum();
        Iterator<Snapshot> eldestFirst = byExchange.values().iterator();
        while ((byExchange.size() > MAX_EXCHANGES || keys > MAX_KEPT_KEYS) && eldestFirst.hasNext()) {
            keys -= eldestFirst.next().digests().size();
            eldestFirst.remove();
        }
    }

    private void dropIdle(Instant now) {
        Instant oldest = now.minus(maxIdle);
        byExchange.values().removeIf(snapshot -> snapshot.lastUsed().isBefore(oldest));
    }
}
