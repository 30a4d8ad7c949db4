/**
 * Versioning core of the key-value store: causality tracking, siblings and tombstones, in plain Java.
 *
 * <h2>Version vectors</h2>
 * {@link io.practicalsystems.kv.version.VersionVector} maps each node to a counter and compares histories as
 * {@link io.practicalsystems.kv.version.Ordering#BEFORE BEFORE}, {@code AFTER}, {@code EQUAL} or {@code CONCURRENT}
 * (equal and concurrent are different answers). Its size is bounded by {@link
 * io.practicalsystems.kv.version.VersionVectorPruning pruning} of least-recently-updated entries; the cost of pruning
 * is documented on {@code VersionVector}: false siblings in the store, never lost writes.
 *
 * <h2>Siblings: dotted version vector sets</h2>
 * A key's replica is a {@link io.practicalsystems.kv.version.DottedVersionVectorSet}: siblings tagged with the
 * {@link io.practicalsystems.kv.version.Dot} of their write plus the causal history. A read returns the values and a
 * {@link io.practicalsystems.kv.version.CausalContext}; a write sends that context back and replaces exactly what was
 * read. Writes with the same context stay siblings even on one coordinator — the case where per-node vector clocks
 * (Dynamo, Riak before 2.0 with server-side IDs) lose a write. Sibling count stays at one per client writing
 * concurrently, because each write discards everything its context covers.
 *
 * <h2>Tombstones</h2>
 * A delete writes {@link io.practicalsystems.kv.version.Versioned#tombstone a tombstone}, which keeps the key's history
 * so late-arriving old copies are recognised as deleted. Storage may drop the key once
 * {@link io.practicalsystems.kv.version.DottedVersionVectorSet#isCollectable every sibling is a tombstone older than
 * the grace period}.
 */
package io.practicalsystems.kv.version;
