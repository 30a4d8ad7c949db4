/**
 * The key-value store's consistent-hash ring, in plain Java: which nodes hold a key, and what moves when the
 * membership changes.
 *
 * <h2>Placement</h2>
 * {@link io.practicalsystems.kv.ring.HashRing} gives each {@link io.practicalsystems.kv.ring.NodeId} a number of
 * virtual-node tokens at {@link io.practicalsystems.kv.ring.RingHash MD5}{@code ("<node>#<index>")}. A key's
 * preference list is the first N distinct physical nodes clockwise from the key's hash; the ring is immutable and
 * derived only from (node, vnode count) pairs, so every node computes the same lists.
 *
 * <h2>Sloppy quorum</h2>
 * {@link io.practicalsystems.kv.ring.HashRing#preferenceListSkipping} replaces each down node of the preference
 * list by the next healthy node clockwise, as a {@link io.practicalsystems.kv.ring.Placement} naming the node it
 * stands in for; that node keeps the write as a hint and hands it back when the node returns.
 *
 * <h2>Ring changes</h2>
 * {@link io.practicalsystems.kv.ring.HashRing#ownership()} and {@link io.practicalsystems.kv.ring.TokenRange}
 * (start exclusive, end inclusive, may wrap) describe who owns what;
 * {@link io.practicalsystems.kv.ring.HashRing#movesBetween} lists the ranges to copy from which node to which when
 * a node joins or leaves. {@link io.practicalsystems.kv.ring.KeySpread} measures how evenly keys land
 * ({@code docs/kv-ring-spread.md}).
 */
package io.practicalsystems.kv.ring;
