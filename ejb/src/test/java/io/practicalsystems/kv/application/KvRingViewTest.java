package io.practicalsystems.kv.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.practicalsystems.kv.membership.ClusterSnapshot;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvRingViewTest {

    private static ClusterSnapshot.Member member(String id, String status, int vnodes) {
        return new ClusterSnapshot.Member(id, "http://127.0.0.1:1", status, "ALIVE", 0, 1, 1, vnodes, 0);
    }

    private static KvClusterView cluster(ClusterSnapshot.Member... members) {
        return new KvClusterView("kv-1", "3/2/2", "SLOPPY", members.length, List.of(members), 0, Map.of(), Map.of(),
                0, Map.of());
    }

    @Test
    void oneNodeOwnsEveryArcAndTheArcsCoverTheRingOnce() {
        KvRingView ring = KvRingView.of(cluster(member("kv-1", "NORMAL", 64)));

        assertThat(ring.arcs()).hasSize(64).allMatch(arc -> arc.node().equals("kv-1"));
        assertThat(ring.arcs().stream().mapToDouble(KvRingView.Arc::fraction).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void arcsFollowTheRingClockwiseEachStartingWhereThePreviousEnded() {
        KvRingView ring = KvRingView.of(cluster(member("kv-1", "NORMAL", 8), member("kv-2", "NORMAL", 8),
                member("kv-3", "NORMAL", 8)));

        List<KvRingView.Arc> arcs = ring.arcs();
        assertThat(arcs).hasSize(24);
        for (int i = 1; i < arcs.size(); i++) {
            assertThat(arcs.get(i).start()).isEqualTo(arcs.get(i - 1).end());
            assertThat(Long.parseLong(arcs.get(i).end())).isGreaterThan(Long.parseLong(arcs.get(i - 1).end()));
        }
        assertThat(arcs.get(0).start()).as("the first arc wraps from the last token").isEqualTo(arcs.get(23).end());
        double expectedFirstStart = ((double) Long.parseLong(arcs.get(0).start()) - (double) Long.MIN_VALUE) / 0x1p64;
        assertThat(ring.firstStart()).isCloseTo(expectedFirstStart, within(1e-12)).isBetween(0.0, 1.0);
    }

    @Test
    void theArcsAreTheOwnershipGossipComputesAndLeftMembersOwnNone() {
        KvRingView ring = KvRingView.of(cluster(member("kv-1", "NORMAL", 16), member("kv-2", "LEAVING", 16),
                member("kv-3", "LEFT", 16)));

        assertThat(ring.ringNodes()).isEqualTo(2);
        assertThat(ring.arcs()).noneMatch(arc -> arc.node().equals("kv-3"));
        double kv2 = ring.arcs().stream().filter(a -> a.node().equals("kv-2")).mapToDouble(KvRingView.Arc::fraction)
                .sum();
        HashRing expected = HashRing.withVnodes(Map.of(NodeId.of("kv-1"), 16, NodeId.of("kv-2"), 16));
        double expectedKv2 = expected.ownership().get(NodeId.of("kv-2")).stream()
                .mapToDouble(io.practicalsystems.kv.ring.TokenRange::fractionOfRing).sum();
        assertThat(kv2).isCloseTo(expectedKv2, within(1e-12));
    }
}
