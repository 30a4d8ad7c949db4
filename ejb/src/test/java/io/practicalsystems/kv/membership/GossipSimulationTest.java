package io.practicalsystems.kv.membership;

import static io.practicalsystems.kv.membership.GossipSimulation.addressOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.membership.GossipSimulation.RingChange;
import io.practicalsystems.kv.membership.GossipSimulation.SimNode;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole clusters in virtual time ({@link GossipSimulation}): 1 s gossip rounds with jitter, 1–40 ms message delays,
 * 5% of message legs lost, default failure detector settings (suspect at phi 5, dead at phi 12). Every assertion
 * names the seed, which replays the run exactly.
 */
class GossipSimulationTest {

    private static final List<String> SEEDS = List.of(addressOf(1), addressOf(2));
    /** Bounds in virtual time; generous against the ~2 s gossip needs and the ~7 s the detector needs. */
    private static final long CONVERGE_MILLIS = 20_000;
    private static final long DETECT_MILLIS = 30_000;

    static LongStream fiftySeeds() {
        return LongStream.rangeClosed(1, 50);
    }

    static LongStream tenSeeds() {
        return LongStream.rangeClosed(101, 110);
    }

    private static List<SimNode> startCluster(GossipSimulation sim, int size) {
        List<SimNode> nodes = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            nodes.add(sim.start(i, SEEDS));
            sim.runFor(300);
        }
        return nodes;
    }

    private static Set<NodeId> ids(List<SimNode> nodes) {
        return nodes.stream().map(node -> node.id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<SimNode> convergedCluster(GossipSimulation sim) {
        List<SimNode> nodes = startCluster(sim, 5);
        assertThat(sim.runUntil(() -> sim.converged(ids(nodes)), CONVERGE_MILLIS))
                .as("seed %d: 5 nodes converge", sim.seed).isTrue();
        return nodes;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fiftySeeds")
    void fiveNodesStartedFromSeedsConvergeToOneRingAndStayHealthy(long seed) {
        GossipSimulation sim = new GossipSimulation(seed);
        List<SimNode> nodes = startCluster(sim, 5);

        assertThat(sim.runUntil(() -> sim.converged(ids(nodes)), CONVERGE_MILLIS))
                .as("seed %d: converged within %d ms of virtual time", seed, CONVERGE_MILLIS).isTrue();
        HashRing expected = HashRing.of(ids(nodes), GossipSimulation.VNODES);
        for (SimNode node : nodes) {
            assertThat(node.membership.ring().vnodesByNode()).as("seed %d: ring of %s", seed, node)
                    .isEqualTo(expected.vnodesByNode());
        }

        long settled = sim.mark();
        sim.runFor(60_000);
        for (SimNode node : nodes) {
            assertThat(node.reachabilityChangesSince(settled)).as("seed %d: false suspicions on %s", seed, node)
                    .isEmpty();
            assertThat(node.ringChangesSince(settled)).as("seed %d: ring changes on %s", seed, node).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tenSeeds")
    void aCrashedNodeTurnsSuspectThenDeadEverywhereWhileTheRingStays(long seed) {
        GossipSimulation sim = new GossipSimulation(seed);
        List<SimNode> nodes = convergedCluster(sim);
        SimNode victim = nodes.get(2);
        HashRing ring = nodes.get(0).membership.ring();
        long crashedAt = sim.mark();

        sim.crash(victim);

        assertThat(sim.runUntil(() -> sim.everyoneElseSees(victim, Reachability.DEAD), DETECT_MILLIS))
                .as("seed %d: everybody sees the crashed node dead", seed).isTrue();
        for (SimNode observer : sim.running()) {
            assertThat(observer.verdictsOn(victim.id, crashedAt)).as("seed %d: verdicts of %s", seed, observer)
                    .containsExactly(Reachability.SUSPECT, Reachability.DEAD);
            assertThat(observer.membership.isReachable(victim.id)).isFalse();
            assertThat(observer.membership.ring().vnodesByNode()).as("seed %d: ring of %s", seed, observer)
                    .isEqualTo(ring.vnodesByNode());
            assertThat(observer.ringChangesSince(crashedAt)).as("seed %d: ring changes on %s", seed, observer)
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tenSeeds")
    void aRestartedNodeIsAliveAgainEverywhere(long seed) {
        GossipSimulation sim = new GossipSimulation(seed);
        List<SimNode> nodes = convergedCluster(sim);
        SimNode victim = nodes.get(3);
        long oldGeneration = victim.membership.members().get(victim.id).generation();
        sim.crash(victim);
        assertThat(sim.runUntil(() -> sim.everyoneElseSees(victim, Reachability.DEAD), DETECT_MILLIS))
                .as("seed %d: dead first", seed).isTrue();
        long restartedAt = sim.mark();

        sim.restart(victim, SEEDS);

        assertThat(sim.runUntil(() -> sim.converged(ids(nodes)), CONVERGE_MILLIS))
                .as("seed %d: all alive again, one ring", seed).isTrue();
        long newGeneration = victim.membership.members().get(victim.id).generation();
        assertThat(newGeneration).isGreaterThan(oldGeneration);
        for (SimNode observer : sim.running()) {
            assertThat(observer.membership.members().get(victim.id).generation())
                    .as("seed %d: generation seen by %s", seed, observer).isEqualTo(newGeneration);
            if (observer != victim) {
                assertThat(observer.verdictsOn(victim.id, restartedAt)).as("seed %d: %s", seed, observer)
                        .containsExactly(Reachability.ALIVE);
                assertThat(observer.ringChangesSince(restartedAt)).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tenSeeds")
    void aPartitionedNodeIsDeadToTheOtherSideAndRecoversAfterHealing(long seed) {
        GossipSimulation sim = new GossipSimulation(seed);
        List<SimNode> nodes = convergedCluster(sim);
        SimNode cutOff = nodes.get(4); // not a seed: it comes back by probing seeds and unreachable members
        long partitionedAt = sim.mark();

        sim.partition(List.of(cutOff));

        assertThat(sim.runUntil(() -> sim.everyoneElseSees(cutOff, Reachability.DEAD)
                && sim.running().stream().filter(n -> n != cutOff)
                        .allMatch(n -> cutOff.membership.reachability(n.id).orElseThrow() == Reachability.DEAD),
                DETECT_MILLIS)).as("seed %d: both sides see each other dead", seed).isTrue();
        for (SimNode node : nodes) {
            assertThat(node.ringChangesSince(partitionedAt)).as("seed %d: ring of %s", seed, node).isEmpty();
        }

        long healedAt = sim.mark();
        sim.heal();

        assertThat(sim.runUntil(() -> sim.converged(ids(nodes)), CONVERGE_MILLIS))
                .as("seed %d: all alive again after healing", seed).isTrue();
        for (SimNode observer : nodes) {
            if (observer != cutOff) {
                assertThat(observer.verdictsOn(cutOff.id, healedAt)).as("seed %d: %s", seed, observer)
                        .containsExactly(Reachability.ALIVE);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tenSeeds")
    void aGracefulLeaveRemovesTheNodeFromEveryRingForGood(long seed) {
        GossipSimulation sim = new GossipSimulation(seed);
        List<SimNode> nodes = convergedCluster(sim);
        SimNode leaver = nodes.get(1); // a seed, even
        List<SimNode> stayers = nodes.stream().filter(node -> node != leaver).toList();
        long leaveStartedAt = sim.mark();

        leaver.membership.startLeaving();

        assertThat(sim.runUntil(() -> stayers.stream().allMatch(node ->
                        node.membership.members().get(leaver.id).status() == MemberStatus.LEAVING),
                CONVERGE_MILLIS)).as("seed %d: everybody sees it leaving", seed).isTrue();
        for (SimNode node : nodes) {
            assertThat(node.membership.ring().nodes()).as("seed %d: still in the ring of %s", seed, node)
                    .contains(leaver.id);
            assertThat(node.ringChangesSince(leaveStartedAt)).isEmpty();
        }

        long leftAt = sim.mark();
        leaver.membership.finishLeaving();

        assertThat(sim.runUntil(() -> stayers.stream().allMatch(node ->
                        !node.membership.ring().nodes().contains(leaver.id)), CONVERGE_MILLIS))
                .as("seed %d: gone from every ring", seed).isTrue();
        for (SimNode node : nodes) {
            List<RingChange> changes = node.ringChangesSince(leftAt);
            assertThat(changes).as("seed %d: ring changes on %s", seed, node).hasSize(1);
            assertThat(changes.get(0).before().nodes()).as("seed %d", seed).hasSize(5).contains(leaver.id);
            assertThat(changes.get(0).after().nodes()).as("seed %d", seed).hasSize(4).doesNotContain(leaver.id);
        }

        sim.runFor(5_000); // it keeps gossiping a little, then shuts down
        sim.crash(leaver);
        sim.runFor(60_000);
        Set<NodeId> remaining = ids(stayers);
        assertThat(sim.converged(remaining)).as("seed %d: four nodes, one ring, all alive", seed).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tenSeeds")
    void aJoinerIsAddedToEveryRingAndListenersSeeBeforeAndAfter(long seed) {
        GossipSimulation sim = new GossipSimulation(seed);
        List<SimNode> nodes = new ArrayList<>(convergedCluster(sim));
        HashRing before = nodes.get(0).membership.ring();
        long joinedAt = sim.mark();

        SimNode joiner = sim.start(6, SEEDS);
        nodes.add(joiner);

        assertThat(sim.runUntil(() -> sim.converged(ids(nodes)), CONVERGE_MILLIS))
                .as("seed %d: six nodes, one ring", seed).isTrue();
        HashRing after = joiner.membership.ring();
        assertThat(after.nodes()).hasSize(6);
        for (SimNode node : nodes) {
            assertThat(node.membership.ring().vnodesByNode()).isEqualTo(after.vnodesByNode());
            if (node != joiner) {
                List<RingChange> changes = node.ringChangesSince(joinedAt);
                assertThat(changes).as("seed %d: ring changes on %s", seed, node).hasSize(1);
                assertThat(changes.get(0).before().vnodesByNode()).isEqualTo(before.vnodesByNode());
                assertThat(changes.get(0).after().vnodesByNode()).isEqualTo(after.vnodesByNode());
            }
        }
        assertThat(HashRing.movesBetween(before, after, 3)).as("the joiner receives ranges")
                .isNotEmpty()
                .allMatch(move -> move.to().equals(joiner.id));
        assertThat(joiner.ringChanges).as("seed %d: the joiner's ring grows from itself", seed).isNotEmpty();
        assertThat(joiner.ringChanges.get(0).before().nodes()).containsExactly(joiner.id);
    }
}
