/**
 * One storage node of the key-value store: {@link io.practicalsystems.kv.node.KvNode} wires a replica store, a
 * membership view and a {@link io.practicalsystems.kv.node.NodeTransport} into the request paths and the
 * maintenance that makes replicas converge. Plain Java, no threads or clocks of its own
 * ({@link io.practicalsystems.kv.node.Scheduler}), so a deterministic simulation runs the same code.
 *
 * <h2>Request paths</h2>
 * <ul>
 * <li>{@link io.practicalsystems.kv.node.ClientReadPath}: R answers merged by the
 * {@link io.practicalsystems.kv.coordinator.Coordinator}, read repair in the background.</li>
 * <li>{@link io.practicalsystems.kv.node.ClientWritePath}: forwarded to a preferred replica unless this node is one;
 * there versioned against the local copy (a fresh dot of this node's current actor; a key not stored here is versioned
 * against nothing, see {@code kv.storage.ActorEpoch}) and replicated, W acknowledgements awaited.</li>
 * </ul>
 *
 * <h2>Maintenance (each a small class, scheduled by {@link io.practicalsystems.kv.node.PeriodicTask})</h2>
 * <ul>
 * <li>{@link io.practicalsystems.kv.node.HintDelivery}: a stand-in's queued hints to their targets once
 * reachable.</li>
 * <li>{@link io.practicalsystems.kv.node.AntiEntropyPass}: every replicated range with every other replica, a few
 * ranges at a time: root hashes, Merkle leaves where they differ, then push and pull of the differing keys.</li>
 * <li>{@link io.practicalsystems.kv.node.RangeHandoff}: after a ring change, stream ranges to their new
 * replicas.</li>
 * <li>{@link io.practicalsystems.kv.node.HandoffSweep}: give away keys this node does not replicate (lost ranges,
 * stand-in copies) and drop them once all replicas acknowledged.</li>
 * <li>Tombstone collection after the grace period.</li>
 * </ul>
 *
 * <h2>Where copies live</h2>
 * A stand-in stores a hinted write in its store as well as in its in-memory hint queue: reads that reach it see
 * the value, and the copy outlives a crash of the stand-in — the hand-off sweep then delivers it. A node drops a
 * key only after every one of the key's current replicas acknowledged its copy, and only if the copy did not
 * change meanwhile.
 */
package io.practicalsystems.kv.node;
