package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listener notifications of {@link GossipMembership}: queued while its lock is held (in the order the changes
 * happened), delivered after the lock is released, so a listener may call back into the membership and a slow
 * listener does not block gossip handling on other threads. One thread delivers at a time, oldest first, so
 * listeners see changes in order even when several threads changed the membership.
 */
final class MembershipEvents {

    private static final System.Logger LOG = System.getLogger(MembershipEvents.class.getName());

    private final List<RingListener> ringListeners = new CopyOnWriteArrayList<>();
    private final List<ReachabilityListener> reachabilityListeners = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Object deliveryLock = new Object();

    void addRingListener(RingListener listener) {
        ringListeners.add(listener);
    }

    void addReachabilityListener(ReachabilityListener listener) {
        reachabilityListeners.add(listener);
    }

    void ringChanged(HashRing before, HashRing after) {
        pending.add(() -> ringListeners.forEach(listener -> safely(() -> listener.ringChanged(before, after))));
    }

    void reachabilityChanged(NodeId node, Reachability before, Reachability after) {
        pending.add(() -> reachabilityListeners.forEach(
                listener -> safely(() -> listener.reachabilityChanged(node, before, after))));
    }

    /** Delivers everything queued so far; call without holding the membership's lock. */
    void deliver() {
        synchronized (deliveryLock) {
            for (Runnable event = pending.poll(); event != null; event = pending.poll()) {
                event.run();
            }
        }
    }

    /** A failing listener must not stop gossip nor the other listeners. */
    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "membership listener failed", e);
        }
    }
}
