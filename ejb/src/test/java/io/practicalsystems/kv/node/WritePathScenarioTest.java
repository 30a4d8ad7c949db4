package io.practicalsystems.kv.node;

import static io.practicalsystems.kv.node.Scenarios.KEY;
import static io.practicalsystems.kv.node.Scenarios.nonReplica;
import static io.practicalsystems.kv.node.Scenarios.settle;
import static io.practicalsystems.kv.node.Scenarios.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.InMemoryReplicaStore;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import io.practicalsystems.kv.storage.ObjectLimits;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The client write path: forwarding, quorum errors, overrides, and dots that are never reused. On the simulated
 * cluster, with the other mechanisms switched off where they would hide the one shown.
 */
class WritePathScenarioTest {

    @Test
    void aCoordinatorThatLostItsCopyNeitherReusesDotsNorDropsWhatOthersHold() {
        SimCluster cluster = new SimCluster(20, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId a = NodeId.of("n1");
        CausalContext context = CausalContext.empty();
        for (int i = 1; i <= 3; i++) {
            context = cluster.await(cluster.put(a, KEY, context, "v" + i)).context();
        }
        settle(cluster, 100);
        cluster.store(a).remove(KEY); // as if a range moved away and back, or a tombstone was collected

        ClientWriteResult blind = cluster.await(cluster.node(a).put(KEY, CausalContext.empty(), Blob.ofUtf8("v4"),
                RequestOverrides.w(3)));

        assertThat(blind.dot()).isEqualTo(Dot.of("n1+1", 1));
        assertThat(values(cluster.await(cluster.get(a, KEY, RequestOverrides.r(3))))).containsExactly("v3", "v4");
    }

    /** Riak's kv679 case: without fresh actors, the old copy's v3 or the blind write would be lost after healing. */
    @Test
    void anIsolatedCoordinatorWithoutACopyWritesUnderAFreshActorAndNothingIsLostAfterHealing() {
        SimCluster cluster = new SimCluster(26, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId a = NodeId.of("n1");
        CausalContext context = CausalContext.empty();
        for (int i = 1; i <= 3; i++) {
            context = cluster.await(cluster.put(a, KEY, context, "v" + i)).context();
        }
        settle(cluster, 100);
        cluster.store(a).remove(KEY);
        cluster.isolate(a);
        settle(cluster, 30);

        ClientWriteResult alone = cluster.await(cluster.node(a).put(KEY, CausalContext.empty(), Blob.ofUtf8("alone"),
                RequestOverrides.w(1)));
        cluster.healAll();
        settle(cluster, 30);

        assertThat(alone.acknowledgedBy()).containsExactly(a);
        assertThat(values(cluster.await(cluster.get(a, KEY, RequestOverrides.r(3))))).containsExactly("alone", "v3");
    }

    @Test
    void aWriteReceivedByANonReplicaIsForwardedToAReplica() {
        SimCluster cluster = new SimCluster(21, 5, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId via = nonReplica(cluster, KEY);

        ClientWriteResult written = cluster.await(cluster.put(via, KEY, CausalContext.empty(), "v1"));

        assertThat(cluster.replicasOf(KEY)).contains(written.coordinator());
        assertThat(written.dot().node()).isEqualTo(written.coordinator());
        assertThat(cluster.node(via).counters().get(NodeCounters.FORWARDED_WRITES)).isEqualTo(1);
        assertThat(cluster.stored(via, KEY)).isEmpty();
    }

    @Test
    void aForwardedWriteWhoseCoordinatorDiesReportsAnUnknownOutcome() {
        SimCluster cluster = new SimCluster(22, 5, 8, SimConfigs.quiet(QuorumMode.STRICT), 60_000);
        NodeId via = nonReplica(cluster, KEY);
        NodeId coordinator = cluster.replicasOf(KEY).get(0);
        cluster.crash(coordinator); // the failure detector has not noticed (60 s lag)

        assertThatThrownBy(() -> cluster.await(cluster.put(via, KEY, CausalContext.empty(), "v1")))
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ForwardingFailedException.class)
                .hasMessageContaining(coordinator.value());
    }

    /** The coordinator's refusal is a definite answer: the forwarding node reports it, not an unknown outcome. */
    @Test
    void aForwardedWriteRefusedByTheCoordinatorsLimitsFailsWithThatLimitAndStoresNothing() {
        SimCluster cluster = new SimCluster(27, 5, 8, SimConfigs.quiet(QuorumMode.STRICT), 10,
                id -> new InMemoryReplicaStore(new ObjectLimits(1000, 2)));
        NodeId via = nonReplica(cluster, KEY);
        cluster.await(cluster.put(via, KEY, CausalContext.empty(), "a"));
        cluster.await(cluster.put(via, KEY, CausalContext.empty(), "b"));

        assertThatThrownBy(() -> cluster.await(cluster.put(via, KEY, CausalContext.empty(), "c")))
                .isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(ObjectLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(ObjectLimitExceededException.Limit.SIBLINGS);
                    assertThat(e.actual()).isEqualTo(3);
                });
        settle(cluster, 50);
        for (NodeId replica : cluster.replicasOf(KEY)) {
            assertThat(cluster.stored(replica, KEY).orElseThrow().liveValues()).as(replica.value())
                    .extracting(Blob::utf8).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void tooFewReplicasFailTheRequestAndSayHowManyAnswered() {
        SimCluster cluster = new SimCluster(23, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId a = NodeId.of("n1");
        cluster.await(cluster.put(a, KEY, CausalContext.empty(), "v0"));
        settle(cluster, 50);
        cluster.crash(NodeId.of("n2"));
        cluster.crash(NodeId.of("n3"));
        settle(cluster, 30);

        assertThatThrownBy(() -> cluster.await(cluster.put(a, KEY, CausalContext.empty(), "v1")))
                .cause().isInstanceOf(QuorumNotReachedException.class)
                .hasMessageContaining("1 of 3 replicas answered, 2 needed");
        assertThatThrownBy(() -> cluster.await(cluster.get(a, KEY)))
                .cause().isInstanceOf(QuorumNotReachedException.class)
                .hasMessageContaining("read quorum not reached");
        // W = 1 for this request is enough, for a key this node holds and for one it does not.
        assertThat(cluster.await(cluster.node(a).put(KEY, CausalContext.empty(), Blob.ofUtf8("v2"),
                RequestOverrides.w(1))).acknowledgedBy()).containsExactly(a);
        assertThat(cluster.await(cluster.node(a).put("new-key", CausalContext.empty(), Blob.ofUtf8("v"),
                RequestOverrides.w(1))).acknowledgedBy()).containsExactly(a);
    }

    @Test
    void anInvalidOverrideIsRejected() {
        SimCluster cluster = new SimCluster(24, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        assertThatThrownBy(() -> cluster.await(cluster.node(NodeId.of("n1")).put(KEY, CausalContext.empty(),
                Blob.ofUtf8("v"), RequestOverrides.w(4)))).cause().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRingSmallerThanNServesNoClientRequests() {
        SimCluster cluster = new SimCluster(25, 2, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId a = NodeId.of("n1");
        assertThatThrownBy(() -> cluster.await(cluster.put(a, KEY, CausalContext.empty(), "v")))
                .cause().isInstanceOf(RingTooSmallException.class);
        assertThatThrownBy(() -> cluster.await(cluster.get(a, KEY))).cause()
                .isInstanceOf(RingTooSmallException.class).hasMessageContaining("fewer than N = 3");
    }
}
