package io.practicalsystems.idgen;

/**
 * Shared storage of worker-ID leases (e.g. Redis keys with a TTL), so that concurrently running instances never use
 * the same worker ID. Implementations may throw {@link RuntimeException} when the store is unreachable.
 */
public interface LeaseStore {

    /** Claims {@code workerId} for {@code owner} for {@code ttlMillis} if nobody holds it; true if claimed. */
    boolean tryAcquire(int workerId, String owner, long ttlMillis);

    /** Extends the lease by {@code ttlMillis}; false if the lease is no longer held by {@code owner}. */
    boolean renew(int workerId, String owner, long ttlMillis);

    /** Gives the lease up if (and only if) {@code owner} still holds it. */
    void release(int workerId, String owner);
}
