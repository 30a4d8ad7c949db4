/**
 * Snowflake-style 64-bit ID generation, in plain Java so it can be unit-tested without a container, Redis or real
 * time.
 *
 * <h2>Bit layout</h2>
 * An ID is {@code 0 | timestamp | worker | sequence} ({@link io.practicalsystems.idgen.IdLayout}, default 41/10/12):
 * the sign bit stays 0, milliseconds since a custom epoch come first so IDs sort by time, then the worker (instance)
 * ID, then a per-millisecond counter.
 *
 * <h2>Lock-free issuing</h2>
 * {@link io.practicalsystems.idgen.SnowflakeGenerator} keeps the last issued (timestamp, sequence) packed into one
 * {@code AtomicLong} and advances it with compare-and-set, so IDs are strictly increasing across threads without
 * locks. A batch call claims a run of sequence numbers with a single CAS.
 *
 * <h2>Clock policy</h2>
 * An ID's timestamp is the clock reading taken while issuing it, never a borrowed future millisecond; a used-up
 * millisecond is waited out by spinning. A clock that steps back by at most the tolerance is waited out; further than
 * that the call fails with {@link io.practicalsystems.idgen.ClockMovedBackwardsException} and leaves the state
 * untouched, so the next ID is still above every earlier one (no sequence reset, unlike Twitter's original).
 *
 * <h2>High-water mark</h2>
 * Before committing a timestamp beyond what is reserved, the generator synchronously persists {@code timestamp +
 * window} to a {@link io.practicalsystems.idgen.HighWaterMarkStore}: one write per window rather than per ID. A
 * restarted generator loads that ceiling and issues nothing at or below it, so a restart on a lagging clock waits (or
 * refuses) rather than reissuing; the worst case is waiting about one window.
 *
 * <h2>Worker leasing and fencing</h2>
 * {@link io.practicalsystems.idgen.WorkerLease} leases a worker ID from a shared
 * {@link io.practicalsystems.idgen.LeaseStore} with a TTL and renews it. It considers the lease valid locally only
 * until {@code (time before the store call) + ttl - margin}, so it stops using an ID before the store could give that
 * ID to another instance; failed renewals never extend validity. {@link io.practicalsystems.idgen.ClockSkewCheck}
 * refuses to start when the local clock disagrees too much with the shared reference clock.
 */
package io.practicalsystems.idgen;
