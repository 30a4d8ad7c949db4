package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One node driven by hand-made messages; whole clusters are in {@link GossipSimulationTest}. */
class GossipMembershipTest {

    private static final NodeId A = NodeId.of("a");
    private static final NodeId B = NodeId.of("b");
    private static final NodeId C = NodeId.of("c");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ADDRESS_A = "http://127.0.0.1:9081";
    private static final String ADDRESS_B = "http://127.0.0.1:9082";
    private static final String ADDRESS_C = "http://127.0.0.1:9083";

    private final GossipMembership a = new GossipMembership(
            GossipConfig.of(A, ADDRESS_A, 8, List.of(ADDRESS_A, ADDRESS_B)), 100, T0, new Random(1));
    private final List<String> ringChanges = new ArrayList<>();
    private final List<String> reachabilityChanges = new ArrayList<>();

    GossipMembershipTest() {
        a.addRingListener((before, after) -> ringChanges.add(before.nodes() + "->" + after.nodes()));
        a.addReachabilityListener((node, before, after) -> reachabilityChanges.add(node + ":" + before + "->" + after));
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private static GossipEntry row(NodeId node, long generation, long heartbeat, MemberStatus status) {
        String address = node.equals(B) ? ADDRESS_B : node.equals(C) ? ADDRESS_C : ADDRESS_A;
        return new GossipEntry(node.value(), address, 8, generation, heartbeat, status.name());
    }

    private static GossipMessage from(NodeId sender, GossipEntry... entries) {
        return new GossipMessage(sender.value(), List.of(entries));
    }

    /** a hears b's heartbeat {@code heartbeat} (generation 200) at {@code millis}. */
    private void heartbeatOfB(long heartbeat, long millis) {
        a.onGossip(from(B, row(B, 200, heartbeat, MemberStatus.NORMAL)), at(millis));
    }

    @Test
    void aFreshNodeIsAloneInItsRingAndGossipsWithTheOtherSeed() {
        assertThat(a.ring().vnodesByNode()).isEqualTo(Map.of(A, 8));
        assertThat(a.isReachable(A)).isTrue();
        assertThat(a.isReachable(B)).isFalse();

        assertThat(a.tick(at(1000))).containsExactly(ADDRESS_B);
        assertThat(a.members().get(A).heartbeat()).isEqualTo(1);
        assertThat(a.gossipMessage()).isEqualTo(from(A, row(A, 100, 1, MemberStatus.NORMAL)));
    }

    @Test
    void gossipMergesNewRowsAndAnswersWithWhatTheSenderLacks() {
        a.onGossip(from(C, row(C, 300, 5, MemberStatus.NORMAL)), at(0));

        GossipMessage reply = a.onGossip(from(B, row(B, 200, 7, MemberStatus.NORMAL),
                row(C, 300, 5, MemberStatus.NORMAL)), at(500));

        assertThat(reply).isEqualTo(from(A, row(A, 100, 0, MemberStatus.NORMAL))); // c: b is as recent
        assertThat(a.members().get(B)).isEqualTo(MemberInfo.fromEntry(row(B, 200, 7, MemberStatus.NORMAL)));
        assertThat(a.ring().nodes()).containsExactly(A, B, C);
        assertThat(a.addressOf(B)).contains(ADDRESS_B);
        assertThat(a.isReachable(B)).isTrue();
        assertThat(ringChanges).containsExactly("[a]->[a, c]", "[a, c]->[a, b, c]");
    }

    @Test
    void theReplyCarriesRowsNewerThanTheSenders() {
        a.onGossip(from(C, row(C, 300, 9, MemberStatus.NORMAL)), at(0));

        GossipMessage reply = a.onGossip(from(B, row(A, 100, 0, MemberStatus.NORMAL),
                row(C, 300, 4, MemberStatus.NORMAL)), at(500));

        assertThat(reply.entries()).containsExactly(row(C, 300, 9, MemberStatus.NORMAL)); // a's row: as recent
    }

    @Test
    void aStaleRowIsIgnored() {
        heartbeatOfB(7, 0);

        a.onReply(from(B, row(B, 200, 6, MemberStatus.LEAVING)), at(500));

        assertThat(a.members().get(B).status()).isEqualTo(MemberStatus.NORMAL);
        assertThat(a.members().get(B).heartbeat()).isEqualTo(7);
    }

    @Test
    void nobodyElseWritesThisNodesRow() {
        a.onGossip(from(B, row(A, 100, 50, MemberStatus.LEFT), row(B, 200, 1, MemberStatus.NORMAL)), at(0));

        assertThat(a.members().get(A)).isEqualTo(MemberInfo.fromEntry(row(A, 100, 0, MemberStatus.NORMAL)));
        assertThat(a.ring().nodes()).contains(A);
    }

    @Test
    void silenceMakesAMemberSuspectThenDeadWithoutChangingTheRing() {
        heartbeatOfB(1, 0);
        HashRing ring = a.ring();

        a.tick(at(6_100)); // default settings: phi 5.19
        assertThat(a.reachability(B)).contains(Reachability.SUSPECT);
        assertThat(a.isReachable(B)).isFalse();

        a.tick(at(7_200)); // phi 12.47
        assertThat(a.reachability(B)).contains(Reachability.DEAD);
        assertThat(a.ring()).isSameAs(ring);
        assertThat(reachabilityChanges).containsExactly("b:ALIVE->SUSPECT", "b:SUSPECT->DEAD");

        heartbeatOfB(2, 30_000);
        assertThat(a.reachability(B)).contains(Reachability.ALIVE);
        assertThat(a.isReachable(B)).isTrue();
        assertThat(reachabilityChanges).endsWith("b:DEAD->ALIVE");
        assertThat(ringChanges).containsExactly("[a]->[a, b]");
    }

    @Test
    void aHeartbeatThatDidNotIncreaseIsNoSignOfLife() {
        heartbeatOfB(1, 0);

        heartbeatOfB(1, 5_000); // the same row again, from someone who has not heard from b either
        a.tick(at(6_100));

        assertThat(a.reachability(B)).contains(Reachability.SUSPECT);
    }

    @Test
    void aNewGenerationIsAliveAtOnceAfterAnyOutage() {
        heartbeatOfB(1, 0);
        a.tick(at(60_000));
        assertThat(a.reachability(B)).contains(Reachability.DEAD);

        a.onGossip(from(B, row(B, 60_000, 0, MemberStatus.NORMAL)), at(60_000));

        assertThat(a.reachability(B)).contains(Reachability.ALIVE);
        assertThat(a.members().get(B).generation()).isEqualTo(60_000);
        assertThat(ringChanges).containsExactly("[a]->[a, b]"); // same vnodes: the same ring
    }

    @Test
    void aMemberRestartedAtAnotherAddressIsCalledThere() {
        heartbeatOfB(1, 0);
        assertThat(a.addressOf(B)).contains(ADDRESS_B);
        assertThat(a.addressOf(A)).contains(ADDRESS_A);
        assertThat(a.addressOf(C)).isEmpty();

        String moved = "http://127.0.0.1:9182";
        a.onGossip(from(B, new GossipEntry(B.value(), moved, 8, 60_000, 0, MemberStatus.NORMAL.name())), at(1_000));

        assertThat(a.addressOf(B)).contains(moved);
    }

    @Test
    void aLeavingMemberStaysInTheRingUntilItHasLeftAndLeftIsSticky() {
        heartbeatOfB(1, 0);

        a.onGossip(from(B, row(B, 200, 2, MemberStatus.LEAVING)), at(1000));
        assertThat(a.ring().nodes()).contains(B);

        a.onGossip(from(B, row(B, 200, 3, MemberStatus.LEFT)), at(2000));
        assertThat(a.ring().nodes()).containsExactly(A);
        assertThat(a.isReachable(B)).isFalse();

        a.onGossip(from(C, row(B, 200, 9, MemberStatus.NORMAL)), at(3000)); // a lagging copy, higher heartbeat
        assertThat(a.ring().nodes()).containsExactly(A);

        a.onGossip(from(B, row(B, 5000, 0, MemberStatus.NORMAL)), at(5000)); // restarted
        assertThat(a.ring().nodes()).containsExactly(A, B);
        assertThat(ringChanges).containsExactly("[a]->[a, b]", "[a, b]->[a]", "[a]->[a, b]");
    }

    @Test
    void leftMembersAreNoGossipTargets() {
        a.onGossip(from(B, row(B, 200, 3, MemberStatus.LEFT)), at(0));
        GossipMembership noSeeds = new GossipMembership(GossipConfig.of(A, ADDRESS_A, 8, List.of()), 1, T0,
                new Random(3));
        noSeeds.onGossip(from(B, row(B, 200, 3, MemberStatus.LEFT)), at(0));

        assertThat(noSeeds.tick(at(1000))).isEmpty();
    }

    @Test
    void gracefulLeaveOfThisNode() {
        assertThatThrownBy(a::startLeaving).isInstanceOf(IllegalStateException.class)
                .hasMessage("a is the only node in the ring: nobody could take over its data");
        heartbeatOfB(1, 0);
        assertThatThrownBy(a::finishLeaving).hasMessage("a must start leaving (hand off its ranges) first");

        a.startLeaving();
        a.startLeaving();
        assertThat(a.members().get(A).status()).isEqualTo(MemberStatus.LEAVING);
        assertThat(a.members().get(A).heartbeat()).isEqualTo(1);
        assertThat(a.ring().nodes()).containsExactly(A, B);

        a.finishLeaving();
        assertThat(a.members().get(A)).isEqualTo(MemberInfo.fromEntry(row(A, 100, 2, MemberStatus.LEFT)));
        assertThat(a.ring().nodes()).containsExactly(B);
        assertThat(ringChanges).containsExactly("[a]->[a, b]", "[a, b]->[b]");
        assertThatThrownBy(a::startLeaving).hasMessage("a has already left");
    }

    @Test
    void anOperatorRemovesADeadMemberForGood() {
        heartbeatOfB(4, 0);
        assertThatThrownBy(() -> a.removeMember(B)).hasMessage("b is alive: stop it or let it leave gracefully");
        assertThatThrownBy(() -> a.removeMember(A)).isInstanceOf(IllegalArgumentException.class);
        a.tick(at(60_000));

        a.removeMember(B);

        assertThat(a.ring().nodes()).containsExactly(A);
        assertThat(a.gossipMessage().entries()).contains(row(B, 200, 4, MemberStatus.LEFT));
        heartbeatOfB(5, 61_000); // the old incarnation, still running after all: stays out
        assertThat(a.ring().nodes()).containsExactly(A);
    }

    @Test
    void timeNeverRunsBackwards() {
        heartbeatOfB(1, 0);
        a.tick(at(7_200));

        a.onGossip(from(C, row(C, 300, 1, MemberStatus.NORMAL)), at(1_000)); // a late HTTP thread's clock

        assertThat(a.reachability(B)).contains(Reachability.DEAD);
        assertThat(a.snapshot().evaluatedAt()).isEqualTo(at(7_200).toString());
    }

    @Test
    void snapshotShowsEveryMemberWithPhiAndRingShare() {
        heartbeatOfB(3, 0);
        a.onGossip(from(C, row(C, 300, 1, MemberStatus.LEFT)), at(0));
        a.tick(at(6_100));

        ClusterSnapshot snapshot = a.snapshot();

        assertThat(snapshot.self()).isEqualTo("a");
        assertThat(snapshot.ringNodes()).isEqualTo(2);
        assertThat(snapshot.members()).extracting(ClusterSnapshot.Member::id).containsExactly("a", "b", "c");
        ClusterSnapshot.Member self = snapshot.members().get(0);
        ClusterSnapshot.Member b = snapshot.members().get(1);
        assertThat(self.reachability()).isEqualTo("ALIVE");
        assertThat(self.phi()).isZero();
        assertThat(self.heartbeat()).isEqualTo(1);
        assertThat(b).extracting(ClusterSnapshot.Member::address, ClusterSnapshot.Member::status,
                ClusterSnapshot.Member::reachability, ClusterSnapshot.Member::generation,
                ClusterSnapshot.Member::heartbeat, ClusterSnapshot.Member::vnodes)
                .containsExactly(ADDRESS_B, "NORMAL", "SUSPECT", 200L, 3L, 8);
        assertThat(b.phi()).isCloseTo(5.185, within(0.001));
        assertThat(snapshot.members().get(2).ownership()).isZero();
        assertThat(self.ownership() + b.ownership()).isCloseTo(1.0, within(1e-12));
        assertThat(self.ownership()).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void listenersMayReadTheMembershipAndAFailingOneStopsNothing() {
        List<HashRing> seen = new ArrayList<>();
        a.addRingListener((before, after) -> {
            throw new IllegalStateException("listener bug");
        });
        a.addRingListener((before, after) -> seen.add(a.ring()));

        heartbeatOfB(1, 0);

        assertThat(seen).containsExactly(a.ring());
        assertThat(ringChanges).hasSize(1);
    }
}
