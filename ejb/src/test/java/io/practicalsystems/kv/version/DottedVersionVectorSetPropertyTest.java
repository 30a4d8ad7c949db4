package io.practicalsystems.kv.version;

import static io.practicalsystems.kv.version.VersionGens.histories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Sync laws and "no lost writes" over random multi-replica histories. */
class DottedVersionVectorSetPropertyTest {

    @Test
    void syncIsIdempotentSoDuplicateDeliveriesChangeNothing() {
        qt().forAll(histories()).checkAssert(DottedVersionVectorSetPropertyTest::assertSyncIsIdempotent);
    }

    private static void assertSyncIsIdempotent(ReplicaSimulation sim) {
        for (DottedVersionVectorSet<String> a : sim.replicas) {
            assertThat(a.sync(a)).isEqualTo(a);
            for (DottedVersionVectorSet<String> b : sim.replicas) {
                assertThat(a.sync(b).sync(b)).isEqualTo(a.sync(b));
            }
        }
    }

    @Test
    void syncIsCommutative() {
        qt().forAll(histories()).checkAssert(DottedVersionVectorSetPropertyTest::assertSyncIsCommutative);
    }

    private static void assertSyncIsCommutative(ReplicaSimulation sim) {
        for (DottedVersionVectorSet<String> a : sim.replicas) {
            for (DottedVersionVectorSet<String> b : sim.replicas) {
                assertThat(a.sync(b)).isEqualTo(b.sync(a));
            }
        }
    }

    @Test
    void syncIsAssociative() {
        qt().forAll(histories()).checkAssert(DottedVersionVectorSetPropertyTest::assertSyncIsAssociative);
    }

    private static void assertSyncIsAssociative(ReplicaSimulation sim) {
        for (DottedVersionVectorSet<String> a : sim.replicas) {
            for (DottedVersionVectorSet<String> b : sim.replicas) {
                for (DottedVersionVectorSet<String> c : sim.replicas) {
                    assertThat(a.sync(b).sync(c)).isEqualTo(a.sync(b.sync(c)));
                }
            }
        }
    }

    @Test
    void shuffledAndDuplicatedDeliveriesConvergeToTheSameSet() {
        qt().forAll(histories(), longs().all())
                .checkAssert(DottedVersionVectorSetPropertyTest::assertDeliveriesInAnyOrderConverge);
    }

    private static void assertDeliveriesInAnyOrderConverge(ReplicaSimulation sim, long deliverySeed) {
        Random random = new Random(deliverySeed);
        List<DottedVersionVectorSet<String>> deliveries = new ArrayList<>(sim.replicas);
        deliveries.addAll(sim.replicas.subList(0, random.nextInt(sim.replicas.size() + 1)));
        Collections.shuffle(deliveries, random);

        DottedVersionVectorSet<String> merged = DottedVersionVectorSet.empty();
        for (DottedVersionVectorSet<String> delivery : deliveries) {
            merged = merged.sync(delivery);
        }

        assertThat(merged).isEqualTo(sim.allMerged());
        assertThat(merged.versionDigest()).isEqualTo(sim.allMerged().versionDigest());
    }

    /**
     * Once every copy has met, exactly the writes no client had read before writing remain — even writes made with the
     * same context through the same replica, and whatever the order of pushes. Nothing read is resurrected; nothing
     * unread is lost.
     */
    @Test
    void onceAllCopiesMeetExactlyTheUnreadWritesRemain() {
        qt().forAll(histories()).checkAssert(DottedVersionVectorSetPropertyTest::assertExactlyTheUnreadWritesRemain);
    }

    private static void assertExactlyTheUnreadWritesRemain(ReplicaSimulation sim) {
        Set<Dot> unread = new TreeSet<>();
        for (ReplicaSimulation.WriteEvent write : sim.writes) {
            if (sim.writes.stream().noneMatch(other -> other.context().covers(write.dot()))) {
                unread.add(write.dot());
            }
        }

        assertThat(sim.allMerged().siblings()).extracting(Sibling::dot).containsExactlyElementsOf(unread);
    }

    @Test
    void everyReplicaKeepsItsSiblingsCoveredByItsHistory() {
        qt().forAll(histories()).checkAssert(DottedVersionVectorSetPropertyTest::assertSiblingsAreCoveredByHistory);
    }

    private static void assertSiblingsAreCoveredByHistory(ReplicaSimulation sim) {
        for (DottedVersionVectorSet<String> replica : sim.replicas) {
            assertThat(DottedVersionVectorSet.restore(replica.history(), replica.siblings())).isEqualTo(replica);
        }
        assertThat(sim.writes.stream().map(ReplicaSimulation.WriteEvent::dot).distinct().count())
                .as("dots are never reused").isEqualTo(sim.writes.size());
    }
}
