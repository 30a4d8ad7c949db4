/**
 * Who is in the key-value cluster and who answers, in plain Java: gossip, the phi accrual failure detector, joins,
 * graceful leaves and restarts.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link io.practicalsystems.kv.membership.MembershipView}: what the request path asks (ring, reachability);
 * {@link io.practicalsystems.kv.membership.StaticMembership} for one node and tests,
 * {@link io.practicalsystems.kv.membership.GossipMembership} for a cluster.</li>
 * <li>{@link io.practicalsystems.kv.membership.MemberInfo}: one member's row, versioned by (generation, heartbeat),
 * written only by that member; {@link io.practicalsystems.kv.membership.MemberInfo#supersedes} is the merge
 * rule.</li>
 * <li>{@link io.practicalsystems.kv.membership.PhiAccrualFailureDetector}: per member a window of heartbeat
 * inter-arrival times and a suspicion level phi; thresholds turn phi into
 * {@link io.practicalsystems.kv.membership.Reachability} ALIVE / SUSPECT / DEAD.</li>
 * <li>{@link io.practicalsystems.kv.membership.GossipMessage} /
 * {@link io.practicalsystems.kv.membership.GossipEntry} on the wire,
 * {@link io.practicalsystems.kv.membership.GossipTransport} the seam that carries them,
 * {@link io.practicalsystems.kv.membership.Gossiper} one round over it.</li>
 * <li>{@link io.practicalsystems.kv.membership.ClusterSnapshot}: the cluster view for people.</li>
 * </ul>
 *
 * <h2>Life of a node</h2>
 * It starts NORMAL and alone in its own ring, with a generation (its start time in epoch milliseconds) and the
 * seed addresses. Gossiping with a seed it learns the table and the others learn it: their rings grow and
 * {@link io.practicalsystems.kv.membership.RingListener}s get (before, after), from which
 * {@code HashRing.movesBetween} says which ranges to hand it. If it crashes, its heartbeat stops rising: the others'
 * detectors rate it SUSPECT, then DEAD, and sloppy quorum routes around it, but the ring stays as it was. When it
 * restarts, the new generation wins over every old row and it is ALIVE again at once. To leave for good it goes
 * LEAVING (still in the ring while it hands its data off), then LEFT (out of every ring; LEFT cannot be undone
 * within a generation). A node that died for good is taken out with
 * {@link io.practicalsystems.kv.membership.GossipMembership#removeMember}.
 *
 * <h2>Numbers</h2>
 * In the simulation (5 nodes, 1 s rounds, 5% message loss, default detector settings) a cluster started from two
 * seeds converges in about 2 s (at most ~3.3 s over 50 seeds); after a crash the first node suspects it after
 * ~6 s and all have it DEAD after ~9 s (at most ~12.3 s); healthy members never rose above phi 0.44.
 *
 * <h2>Wiring (service layer)</h2>
 * One {@code GossipMembership.start(config, now, new Random())} per server; a scheduled task calls
 * {@code gossiper.runRound()} every second; the HTTP endpoint that receives a {@code GossipMessage} answers with
 * {@code membership.onGossip(message, clock.instant())}; {@code /api/kv-cluster} returns
 * {@code membership.snapshot()}. Nothing here reads a clock or starts a thread.
 *
 * <h2>Left out on purpose</h2>
 * A JOINING/bootstrap phase (a joiner serves at once, as in Dynamo); digest-based gossip (whole tables are small
 * at this scale); expiry of LEFT rows (kept forever, a few bytes each, so no lagging node can resurrect a member);
 * a cluster-name check against gossip from a foreign cluster. A member first heard of through someone else's table
 * counts as ALIVE until its silence makes the detector suspect it (~6 s), even if it was already dead.
 */
package io.practicalsystems.kv.membership;
