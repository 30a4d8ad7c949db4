package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A deterministic cluster of {@link GossipMembership} nodes in virtual time: one thread, one seeded {@link Random}
 * for everything (start offsets, tick jitter, message delays and drops, each node's peer choice), so a seed
 * replays exactly. Each node runs a real {@link Gossiper} over an in-memory {@link GossipTransport}.
 *
 * <p>The network: each leg of an exchange takes 1..{@value #MAX_DELAY_MILLIS} ms and is lost with probability
 * {@link #dropRate}; messages between partition sides, and to nodes that are down, are lost; the sender sees a lost
 * exchange fail {@value #TIMEOUT_MILLIS} ms after sending.
 */
final class GossipSimulation {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final long TICK_MILLIS = 1_000;
    static final long TICK_JITTER_MILLIS = 100;
    static final long MAX_DELAY_MILLIS = 40;
    static final long TIMEOUT_MILLIS = 500;
    static final int VNODES = 16;

    /** @param mark position among all observations of the run, see {@link #mark()}; @param at virtual time */
    record ReachabilityChange(long mark, long at, NodeId node, Reachability before, Reachability after) {
    }

    record RingChange(long mark, long at, HashRing before, HashRing after) {
    }

    /** One server: survives crashes and restarts, each of which gets a new {@link GossipMembership}. */
    final class SimNode {
        final NodeId id;
        final String address;
        final List<ReachabilityChange> reachabilityChanges = new ArrayList<>();
        final List<RingChange> ringChanges = new ArrayList<>();
        GossipMembership membership;
        boolean up;
        private int incarnation;

        private SimNode(NodeId id, String address) {
            this.id = id;
            this.address = address;
        }

        /** Changes of {@code node}'s verdict this node saw after {@code mark}. */
        List<Reachability> verdictsOn(NodeId node, long mark) {
            return reachabilityChanges.stream().filter(c -> c.node().equals(node) && c.mark() > mark)
                    .map(ReachabilityChange::after).toList();
        }

        List<ReachabilityChange> reachabilityChangesSince(long mark) {
            return reachabilityChanges.stream().filter(c -> c.mark() > mark).toList();
        }

        List<RingChange> ringChangesSince(long mark) {
            return ringChanges.stream().filter(c -> c.mark() > mark).toList();
        }

        @Override
        public String toString() {
            return id.value();
        }
    }

    private record Event(long at, long sequence, Runnable action) {
    }

    final long seed;
    double dropRate = 0.05;
    private final Random random;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.sequence, y.sequence));
    private final Map<String, SimNode> nodes = new TreeMap<>();
    private final Map<String, Integer> partitionSide = new HashMap<>();
    private long now;
    private long sequence;
    private long observations;

    private final Clock clock = new Clock() {
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
            return EPOCH.plusMillis(now);
        }
    };

    GossipSimulation(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    static String addressOf(int index) {
        return "http://127.0.0.1:" + (9080 + index);
    }

    long now() {
        return now;
    }

    /** The number of listener calls so far: "what happened since" is what has a larger mark. */
    long mark() {
        return observations;
    }

    /** Starts {@code node-<index>} within the next tick interval, knowing only the seeds. */
    SimNode start(int index, List<String> seeds) {
        SimNode node = new SimNode(NodeId.of("node-" + index), addressOf(index));
        if (nodes.putIfAbsent(node.address, node) != null) {
            throw new IllegalStateException(node + " exists; restart it instead");
        }
        boot(node, seeds);
        return node;
    }

    /** The node stops: no more ticks, messages to it are lost. */
    void crash(SimNode node) {
        node.up = false;
        node.incarnation++;
    }

    /** Starts a crashed node again with a fresh membership (new generation) that knows only the seeds. */
    void restart(SimNode node, List<String> seeds) {
        if (node.up) {
            throw new IllegalStateException(node + " is running");
        }
        boot(node, seeds);
    }

    /** Cuts the network between {@code side} and everybody else. */
    void partition(Collection<SimNode> side) {
        partitionSide.clear();
        side.forEach(node -> partitionSide.put(node.address, 1));
    }

    void heal() {
        partitionSide.clear();
    }

    /** Runs events until {@code condition} holds (checked after each) or {@code maxMillis} pass; true if it held. */
    boolean runUntil(BooleanSupplier condition, long maxMillis) {
        long deadline = now + maxMillis;
        while (!condition.getAsBoolean()) {
            Event next = events.peek();
            if (next == null || next.at > deadline) {
                now = deadline;
                return false;
            }
            events.poll();
            now = next.at;
            next.action.run();
        }
        return true;
    }

    void runFor(long millis) {
        runUntil(() -> false, millis);
    }

    List<SimNode> running() {
        return nodes.values().stream().filter(node -> node.up).toList();
    }

    /** Every running node has exactly {@code expected} in its ring and sees every running node ALIVE. */
    boolean converged(Set<NodeId> expected) {
        List<SimNode> running = running();
        for (SimNode observer : running) {
            if (!observer.membership.ring().nodes().equals(expected)) {
                return false;
            }
            for (SimNode other : running) {
                if (!observer.membership.isReachable(other.id)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every running node other than {@code subject} has verdict {@code verdict} on it. */
    boolean everyoneElseSees(SimNode subject, Reachability verdict) {
        return running().stream().filter(node -> node != subject)
                .allMatch(node -> node.membership.reachability(subject.id).orElse(null) == verdict);
    }

    private void boot(SimNode node, List<String> seeds) {
        node.up = true;
        int incarnation = ++node.incarnation;
        GossipConfig config = GossipConfig.of(node.id, node.address, VNODES, seeds);
        GossipMembership membership = GossipMembership.start(config, clock.instant(), new Random(random.nextLong()));
        membership.addReachabilityListener((subject, before, after) ->
                node.reachabilityChanges.add(new ReachabilityChange(++observations, now, subject, before, after)));
        membership.addRingListener((before, after) ->
                node.ringChanges.add(new RingChange(++observations, now, before, after)));
        node.membership = membership;
        Gossiper gossiper = new Gossiper(membership, (address, message) -> exchange(node, address, message), clock);
        schedule(random.nextLong(TICK_MILLIS), () -> tick(node, gossiper, incarnation));
    }

    private void tick(SimNode node, Gossiper gossiper, int incarnation) {
        if (!node.up || node.incarnation != incarnation) {
            return; // that incarnation crashed
        }
        gossiper.runRound();
        long jitter = random.nextLong(2 * TICK_JITTER_MILLIS + 1) - TICK_JITTER_MILLIS;
        schedule(TICK_MILLIS + jitter, () -> tick(node, gossiper, incarnation));
    }

    private CompletableFuture<GossipMessage> exchange(SimNode sender, String address, GossipMessage message) {
        CompletableFuture<GossipMessage> reply = new CompletableFuture<>();
        Runnable timeout = () -> reply.completeExceptionally(new TimeoutException("no answer from " + address));
        long sentAt = now;
        if (lost()) {
            schedule(TIMEOUT_MILLIS, timeout);
            return reply;
        }
        schedule(delay(), () -> {
            SimNode target = nodes.get(address);
            if (target == null || !target.up || !connected(sender, target)) {
                scheduleAt(sentAt + TIMEOUT_MILLIS, timeout);
                return;
            }
            GossipMessage answer = target.membership.onGossip(message, clock.instant());
            if (lost()) {
                scheduleAt(sentAt + TIMEOUT_MILLIS, timeout);
                return;
            }
            schedule(delay(), () -> {
                if (connected(sender, target)) {
                    reply.complete(answer);
                } else {
                    scheduleAt(sentAt + TIMEOUT_MILLIS, timeout);
                }
            });
        });
        return reply;
    }

    private boolean connected(SimNode a, SimNode b) {
        return partitionSide.getOrDefault(a.address, 0).equals(partitionSide.getOrDefault(b.address, 0));
    }

    private boolean lost() {
        return random.nextDouble() < dropRate;
    }

    private long delay() {
        return 1 + random.nextLong(MAX_DELAY_MILLIS);
    }

    private void schedule(long afterMillis, Runnable action) {
        scheduleAt(now + afterMillis, action);
    }

    private void scheduleAt(long at, Runnable action) {
        events.add(new Event(Math.max(at, now), sequence++, action));
    }
}
