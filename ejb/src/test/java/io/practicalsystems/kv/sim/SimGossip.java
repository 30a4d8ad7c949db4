package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.membership.GossipConfig;
import io.practicalsystems.kv.membership.GossipMembership;
import io.practicalsystems.kv.membership.GossipMessage;
import io.practicalsystems.kv.membership.GossipTransport;
import io.practicalsystems.kv.membership.Gossiper;
import io.practicalsystems.kv.membership.PhiAccrualFailureDetector;
import io.practicalsystems.kv.ring.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Real gossip membership ({@link GossipMembership} + {@link Gossiper}) for a simulated node: gossip messages travel
 * over the same {@link SimNetwork} as the node's data (same delays, losses, partitions), rounds run on virtual time,
 * and the phi accrual detector's settings are scaled to the simulation's 20 ms gossip interval.
 */
final class SimGossip {

    static final long INTERVAL_MILLIS = 20;

    /** Heartbeats every 20 ms; suspicion after roughly 100 ms of silence. */
    static final PhiAccrualFailureDetector.Settings DETECTOR = new PhiAccrualFailureDetector.Settings(200,
            Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofMillis(INTERVAL_MILLIS), 5.0, 12.0);

    private SimGossip() {
    }

    static String address(NodeId node) {
        return "sim://" + node.value();
    }

    static NodeId nodeAt(String address) {
        return NodeId.of(address.substring("sim://".length()));
    }

    /** Creates the incarnation's membership and starts its gossip rounds. */
    static GossipMembership start(Incarnation incarnation, int generation, int vnodes, List<NodeId> seeds,
            SimScheduler scheduler, SimNetwork network, Random random) {
        GossipConfig config = new GossipConfig(incarnation.id(), address(incarnation.id()), vnodes,
                seeds.stream().map(SimGossip::address).toList(), DETECTOR);
        GossipMembership membership = new GossipMembership(config, generation, scheduler.now(), random);
        incarnation.attach(membership);
        GossipTransport transport = (address, message) -> network.call(incarnation, nodeAt(address),
                target -> answer(target, message, scheduler));
        Gossiper gossiper = new Gossiper(membership, transport, clock(scheduler));
        scheduleRounds(gossiper, incarnation, scheduler, 1 + random.nextInt((int) INTERVAL_MILLIS));
        return membership;
    }

    private static CompletableFuture<GossipMessage> answer(Incarnation target, GossipMessage message,
            SimScheduler scheduler) {
        if (target.gossip() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(target + " does not gossip"));
        }
        return CompletableFuture.completedFuture(target.gossip().onGossip(message, scheduler.now()));
    }

    private static void scheduleRounds(Gossiper gossiper, Incarnation incarnation, SimScheduler scheduler,
            long delay) {
        scheduler.after(delay, () -> {
            if (incarnation.alive()) {
                gossiper.runRound();
                scheduleRounds(gossiper, incarnation, scheduler, INTERVAL_MILLIS);
            }
        });
    }

    private static Clock clock(SimScheduler scheduler) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return scheduler.now();
            }
        };
    }
}
