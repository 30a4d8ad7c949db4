/**
 * The key-value store's request path as small, I/O-free steps over an abstract transport, in plain Java.
 *
 * <h2>Steps</h2>
 * <ol>
 * <li>{@link io.practicalsystems.kv.coordinator.PreferenceListStep}: the key's N replicas from the ring; under
 * {@linkplain io.practicalsystems.kv.coordinator.QuorumMode#SLOPPY sloppy quorum}, down nodes replaced by
 * stand-ins carrying a hint.</li>
 * <li>{@link io.practicalsystems.kv.coordinator.ParallelWriteStep}: send to all, complete at W acknowledgements or
 * fail as soon as W became impossible ({@link io.practicalsystems.kv.coordinator.QuorumNotReachedException},
 * which says how many replicas answered: the REST layer's 503).</li>
 * <li>{@link io.practicalsystems.kv.coordinator.QuorumReadStep}: ask all, or R and one more on a failure or after a
 * delay ({@link io.practicalsystems.kv.coordinator.ReadFanout}); complete at R answers.</li>
 * <li>{@link io.practicalsystems.kv.coordinator.ReconcileStep}: merge the answers with a
 * {@link io.practicalsystems.kv.coordinator.Reconciler} and list the stale replicas (pure).</li>
 * <li>{@link io.practicalsystems.kv.coordinator.ReadRepairStep}: send the merged value to those, fire-and-forget.</li>
 * <li>{@link io.practicalsystems.kv.coordinator.HintedHandoffQueue}: a stand-in's hints per down node, bounded
 * (oldest dropped), delivered in order when the node is back.</li>
 * </ol>
 * {@link io.practicalsystems.kv.coordinator.Coordinator} wires 1–5; the hint queue belongs to the node that
 * receives a put with a hint.
 *
 * <h2>Nothing here waits</h2>
 * Every step composes the {@code CompletableFuture}s of a {@link io.practicalsystems.kv.coordinator.ReplicaClient}
 * and reads no clock: timeouts, retries and randomness live in the transport, a speculative read's delay in
 * {@link io.practicalsystems.kv.coordinator.Delays}, so the deterministic simulation can
 * drive this code with virtual time, and unit tests complete futures by hand.
 *
 * <h2>Versions are someone else's</h2>
 * Values are an opaque {@code V}; only the {@link io.practicalsystems.kv.coordinator.Reconciler} knows how two of
 * them relate (dotted version vectors in {@code kv.version}).
 */
package io.practicalsystems.kv.coordinator;
