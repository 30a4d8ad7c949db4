package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;

/**
 * Told when a node's ring changes (a join, a leave completing, an operator's removal, a restart with other vnodes);
 * {@code HashRing.movesBetween(before, after, n)} says what data must move. Not told about crashes: a crash does
 * not change the ring.
 */
@FunctionalInterface
public interface RingListener {

    void ringChanged(HashRing before, HashRing after);
}
