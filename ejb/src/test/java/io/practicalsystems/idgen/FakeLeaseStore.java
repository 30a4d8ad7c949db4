package io.practicalsystems.idgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory {@link LeaseStore} with Redis-like semantics: leases expire by TTL on the shared fake nanosecond clock,
 * renew/release only work for the current owner. It can simulate an outage (every call throws) and call latency
 * (every call advances the clock).
 */
final class FakeLeaseStore implements LeaseStore {

    private record Lease(String owner, long expiresAtNanos) {
    }

    private final ManualNanoClock nanos;
    private final Map<Integer, Lease> leases = new HashMap<>();
    private final List<Integer> acquireAttempts = new ArrayList<>();
    private boolean failing;
    private long latencyMillis;

    FakeLeaseStore(ManualNanoClock nanos) {
        this.nanos = nanos;
    }

    @Override
    public synchronized boolean tryAcquire(int workerId, String owner, long ttlMillis) {
        enter();
        acquireAttempts.add(workerId);
        if (liveLease(workerId).isPresent()) {
            return false;
        }
        leases.put(workerId, new Lease(owner, expiry(ttlMillis)));
        return true;
    }

    @Override
    public synchronized boolean renew(int workerId, String owner, long ttlMillis) {
        enter();
        if (!liveLease(workerId).map(l -> l.owner().equals(owner)).orElse(false)) {
            return false;
        }
        leases.put(workerId, new Lease(owner, expiry(ttlMillis)));
        return true;
    }

    @Override
    public synchronized void release(int workerId, String owner) {
        enter();
        if (liveLease(workerId).map(l -> l.owner().equals(owner)).orElse(false)) {
            leases.remove(workerId);
        }
    }

    /** Current (unexpired) owner of a worker ID, as the store sees it. */
    synchronized Optional<String> ownerOf(int workerId) {
        return liveLease(workerId).map(Lease::owner);
    }

    /** Hands a worker ID to {@code owner} behind everyone's back, as if another instance took it after expiry. */
    synchronized void forceOwner(int workerId, String owner, long ttlMillis) {
        leases.put(workerId, new Lease(owner, expiry(ttlMillis)));
    }

    synchronized List<Integer> acquireAttempts() {
        return List.copyOf(acquireAttempts);
    }

    synchronized void setFailing(boolean failing) {
        this.failing = failing;
    }

    synchronized void setLatencyMillis(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    private void enter() {
        if (failing) {
            throw new IllegalStateException("simulated lease store outage");
        }
        // The store acts at the end of the call: the TTL starts after the latency, as with a slow network.
        nanos.advanceMillis(latencyMillis);
    }

    private long expiry(long ttlMillis) {
        return nanos.getAsLong() + ttlMillis * 1_000_000L;
    }

    private Optional<Lease> liveLease(int workerId) {
        Lease lease = leases.get(workerId);
        if (lease == null || nanos.getAsLong() - lease.expiresAtNanos() >= 0) {
            return Optional.empty();
        }
        return Optional.of(lease);
    }
}
