package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** What every {@link ReplicaStore} must do (ranges: {@link ReplicaStoreRangeContract}); one subclass per store. */
abstract class ReplicaStoreContract extends StoreUnderTest {

    // ---- get / update / merge

    @Test
    void aKeyNeverWrittenIsAbsent() {
        assertThat(store.get("never")).isEmpty();
        assertThat(store.keyCount()).isZero();
    }

    @Test
    void anUpdateStoresTheNewCopyUnderAFreshDotAndReturnsIt() {
        DottedVersionVectorSet<Blob> written = store.update("k", CausalContext.empty(), value("v1"), KV1).copy();

        assertThat(liveTexts(written)).containsExactly("v1");
        assertThat(written.siblings()).extracting(Sibling::dot).containsExactly(new Dot(KV1, 1));
        assertThat(store.get("k")).contains(written);
        assertThat(store.keyCount()).isEqualTo(1);
    }

    @Test
    void twoWritesWithTheSameContextThroughOneCoordinatorBothSurvive() {
        DottedVersionVectorSet<Blob> read = store.update("k", CausalContext.empty(), value("base"), KV1).copy();

        store.update("k", read.context(), value("alice"), KV1);
        DottedVersionVectorSet<Blob> after = store.update("k", read.context(), value("bob"), KV1).copy();

        assertThat(liveTexts(after)).containsExactly("alice", "bob");
        assertThat(store.get("k")).contains(after);
    }

    @Test
    void aWriteWithTheReadContextReplacesWhatWasRead() {
        DottedVersionVectorSet<Blob> first = store.update("k", CausalContext.empty(), value("v1"), KV1).copy();
        store.update("k", CausalContext.empty(), value("concurrent"), KV2);

        DottedVersionVectorSet<Blob> second = store.update("k", first.context(), value("v2"), KV1).copy();

        assertThat(liveTexts(second)).containsExactly("concurrent", "v2");
    }

    @Test
    void aDeleteIsATombstoneThatKeepsTheHistory() {
        DottedVersionVectorSet<Blob> written = store.update("k", CausalContext.empty(), value("v1"), KV1).copy();

        DottedVersionVectorSet<Blob> deleted =
                store.update("k", written.context(), Versioned.tombstone(T0), KV1).copy();

        assertThat(deleted.liveValues()).isEmpty();
        assertThat(deleted.values()).singleElement().satisfies(v -> assertThat(v.isTombstone()).isTrue());
        assertThat(deleted.history().covers(new Dot(KV1, 1))).isTrue();
        assertThat(store.get("k")).contains(deleted);
    }

    @Test
    void mergingIntoAnEmptyStoreStoresTheIncomingCopy() {
        DottedVersionVectorSet<Blob> incoming = DottedVersionVectorSet.<Blob>empty()
                .update(CausalContext.empty(), value("remote"), KV2);

        assertThat(store.merge("k", incoming)).isEqualTo(incoming);
        assertThat(store.get("k")).contains(incoming);
    }

    @Test
    void mergingIsIdempotent() {
        DottedVersionVectorSet<Blob> incoming = DottedVersionVectorSet.<Blob>empty()
                .update(CausalContext.empty(), value("remote"), KV2);
        store.update("k", CausalContext.empty(), value("local"), KV1);

        DottedVersionVectorSet<Blob> once = store.merge("k", incoming);
        DottedVersionVectorSet<Blob> twice = store.merge("k", incoming);

        assertThat(twice).isEqualTo(once);
        assertThat(liveTexts(twice)).containsExactly("local", "remote");
    }

    @Test
    void mergingAnOlderCopyChangesNothing() {
        DottedVersionVectorSet<Blob> old = store.update("k", CausalContext.empty(), value("v1"), KV1).copy();
        DottedVersionVectorSet<Blob> newer = store.update("k", old.context(), value("v2"), KV1).copy();

        assertThat(store.merge("k", old)).isEqualTo(newer);
        assertThat(store.get("k")).contains(newer);
    }

    @Test
    void mergingAConcurrentCopyKeepsBothSiblings() {
        DottedVersionVectorSet<Blob> local = store.update("k", CausalContext.empty(), value("local"), KV1).copy();
        DottedVersionVectorSet<Blob> remote = DottedVersionVectorSet.<Blob>empty()
                .update(CausalContext.empty(), value("remote"), KV2);

        assertThat(store.merge("k", remote)).isEqualTo(local.sync(remote));
    }

    @Test
    void mergingAnEmptySetIntoAnAbsentKeyStoresNothing() {
        assertThat(store.merge("k", DottedVersionVectorSet.empty()).isEmpty()).isTrue();
        assertThat(store.get("k")).isEmpty();
        assertThat(store.keyCount()).isZero();
    }

    @Test
    void keysAreStoredExactlyAsGiven() {
        UNUSUAL_KEYS.forEach(key ->
                store.update(key, CausalContext.empty(), value("value " + UNUSUAL_KEYS.indexOf(key)), KV1).copy());

        assertThat(everything(store).keySet()).containsExactlyInAnyOrderElementsOf(UNUSUAL_KEYS);
        UNUSUAL_KEYS.forEach(key -> assertThat(liveTexts(store.get(key).orElseThrow()))
                .containsExactly("value " + UNUSUAL_KEYS.indexOf(key)));
    }

    // ---- forgetting keys

    private DottedVersionVectorSet<Blob> writeThenDelete(String key, Instant deletedAt) {
        DottedVersionVectorSet<Blob> copy = store.update(key, CausalContext.empty(), value("v1"), KV1).copy();
        copy = store.update(key, copy.context(), value("v2"), KV1).copy();
        return store.update(key, copy.context(), Versioned.tombstone(deletedAt), KV1).copy();
    }

    @Test
    void garbageCollectionRemovesOnlyKeysWhoseSiblingsAreAllTombstonesPastTheGracePeriod() {
        Duration grace = Duration.ofHours(3);
        writeThenDelete("deleted-long-ago", T0);
        writeThenDelete("deleted-recently", T0.plus(Duration.ofHours(2)));
        store.update("live", CausalContext.empty(), value("still here"), KV1);
        writeThenDelete("deleted-and-rewritten", T0);
        store.update("deleted-and-rewritten", CausalContext.empty(), value("concurrent write"), KV2);

        int removed = store.collectGarbage(T0.plus(grace), grace);

        assertThat(removed).isEqualTo(1);
        assertThat(store.get("deleted-long-ago")).isEmpty();
        assertThat(store.get("deleted-recently")).isPresent();
        assertThat(store.get("live")).isPresent();
        assertThat(store.get("deleted-and-rewritten")).isPresent();
        assertThat(store.keyCount()).isEqualTo(3);
        assertThat(store.collectGarbage(T0.plus(grace), grace)).isZero();
    }

    @Test
    void aKeyWrittenAgainAfterCollectionIsNotSwallowedByAReplicaStillHoldingItsTombstone() {
        DottedVersionVectorSet<Blob> tombstoneElsewhere = writeThenDelete("k", T0);
        store.collectGarbage(T0.plus(Duration.ofDays(1)), Duration.ofHours(1));

        ReplicaStore.Written reborn = store.update("k", CausalContext.empty(), value("reborn"), KV1);

        assertThat(reborn.dot()).isEqualTo(new Dot(NodeId.of("kv-1+1"), 1));
        assertThat(tombstoneElsewhere.history().covers(reborn.dot())).isFalse();
        DottedVersionVectorSet<Blob> merged = store.merge("k", tombstoneElsewhere);
        assertThat(liveTexts(merged)).containsExactly("reborn");
        assertThat(merged.values()).as("the delete the blind write never saw stays, as a tombstone sibling")
                .hasSize(2);
        assertThat(tombstoneElsewhere.sync(reborn.copy())).isEqualTo(merged);
    }

    /** Riak's "kv679": a node that forgot a key must neither reissue its dots nor claim values it never saw. */
    @Test
    void aValueAReplicaStillHoldsSurvivesABlindRewriteOfAForgottenKey() {
        DottedVersionVectorSet<Blob> first = store.update("k", CausalContext.empty(), value("v1"), KV1).copy();
        DottedVersionVectorSet<Blob> heldElsewhere = store.update("k", first.context(), value("v2"), KV1).copy();
        store.remove("k"); // handed to the key's new owners, say

        ReplicaStore.Written blind = store.update("k", CausalContext.empty(), value("blind"), KV1);

        assertThat(heldElsewhere.history().covers(blind.dot())).as("no dot reissued").isFalse();
        assertThat(blind.copy().history().covers(heldElsewhere.siblings().get(0).dot()))
                .as("nothing claimed that the write never saw").isFalse();
        assertThat(liveTexts(heldElsewhere.sync(blind.copy()))).containsExactly("blind", "v2");
        assertThat(liveTexts(store.merge("k", heldElsewhere))).containsExactly("blind", "v2");
    }

    @Test
    void removeForgetsAKeyAndLaterWritesOfItUseAFreshActor() {
        DottedVersionVectorSet<Blob> before = writeThenDelete("k", T0);
        store.update("other", CausalContext.empty(), value("stays"), KV1);

        store.remove("k");
        store.remove("k");
        store.remove("never-written");

        assertThat(store.get("k")).isEmpty();
        assertThat(store.keyCount()).isEqualTo(1);
        ReplicaStore.Written again = store.update("k", CausalContext.empty(), value("again"), KV1);
        assertThat(again.dot().node()).isNotEqualTo(KV1);
        assertThat(before.history().covers(again.dot())).isFalse();
        assertThat(again.copy().siblings()).extracting(Sibling::dot).containsExactly(again.dot());
    }

    @Test
    void theActorChangesOnlyWhenAForgottenKeyMayHoldItsDots() {
        assertThat(store.update("a", CausalContext.empty(), value("a"), KV1).dot()).isEqualTo(new Dot(KV1, 1));
        store.update("b", CausalContext.empty(), value("b"), KV2);

        store.remove("a"); // may hold dots of epoch 0: a new epoch
        store.remove("b"); // nothing was written in epoch 1, so nothing forgotten can hold its dots

        assertThat(store.update("a", CausalContext.empty(), value("a"), KV1).dot())
                .isEqualTo(new Dot(NodeId.of("kv-1+1"), 1));
        assertThat(store.update("b", CausalContext.empty(), value("b"), KV2).dot())
                .isEqualTo(new Dot(NodeId.of("kv-2+1"), 1));
        store.remove("a"); // written in epoch 1
        assertThat(store.update("a", CausalContext.empty(), value("a"), KV1).dot())
                .isEqualTo(new Dot(NodeId.of("kv-1+2"), 1));
    }

    @Test
    void aNegativeGracePeriodIsRejected() {
        assertThatThrownBy(() -> store.collectGarbage(T0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- concurrency (asserted by content: every write must be there, whatever the interleaving)

    @Test
    void concurrentBlindWritesToOneKeyAllSurviveAsSiblings() throws Exception {
        int threads = 8;
        int writesEach = 25;
        List<Callable<Void>> writers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String writer = "writer-" + t;
            NodeId coordinator = t % 2 == 0 ? KV1 : KV2;
            for (int i = 0; i < writesEach; i++) {
                expected.add(writer + "/" + i);
            }
            writers.add(() -> {
                for (int i = 0; i < writesEach; i++) {
                    store.update("hot", CausalContext.empty(), value(writer + "/" + i), coordinator);
                }
                return null;
            });
        }

        Concurrently.run(writers);

        DottedVersionVectorSet<Blob> hot = store.get("hot").orElseThrow();
        assertThat(liveTexts(hot)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(hot.history().counter(KV1)).isEqualTo(threads / 2 * writesEach);
        assertThat(hot.history().counter(KV2)).isEqualTo(threads / 2 * writesEach);
    }

    @Test
    void concurrentUpdatesAndMergesOfOneKeyLoseNothing() throws Exception {
        int writesEach = 20;
        List<Callable<Void>> tasks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String writer = "local-" + t;
            for (int i = 0; i < writesEach; i++) {
                expected.add(writer + "/" + i);
            }
            tasks.add(() -> {
                for (int i = 0; i < writesEach; i++) {
                    store.update("hot", CausalContext.empty(), value(writer + "/" + i), KV1);
                }
                return null;
            });
        }
        for (int t = 0; t < 3; t++) {
            NodeId replica = NodeId.of("replica-" + t);
            for (int i = 0; i < writesEach; i++) {
                expected.add(replica + "/" + i);
            }
            tasks.add(() -> { // another replica's copy, growing by one blind write per merge
                DottedVersionVectorSet<Blob> theirs = DottedVersionVectorSet.empty();
                for (int i = 0; i < writesEach; i++) {
                    theirs = theirs.update(CausalContext.empty(), value(replica + "/" + i), replica);
                    store.merge("hot", theirs);
                }
                return null;
            });
        }

        Concurrently.run(tasks);

        assertThat(liveTexts(store.get("hot").orElseThrow())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void concurrentWritesToManyKeysAllLand() throws Exception {
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int writer = t;
            writers.add(() -> {
                for (int i = 0; i < 40; i++) {
                    store.update("k-" + writer + "-" + i, CausalContext.empty(), value("v-" + writer + "-" + i), KV1);
                }
                return null;
            });
        }

        Concurrently.run(writers);

        assertThat(store.keyCount()).isEqualTo(240);
        everything(store).forEach((key, copy) -> assertThat(liveTexts(copy)).containsExactly(key.replace("k-", "v-")));
    }

    // ---- lifecycle

    @Test
    void closeIsIdempotentAndEverythingElseFailsAfterIt() {
        store.update("k", CausalContext.empty(), value("v1"), KV1);

        store.close();
        store.close();

        List<Runnable> calls = List.of(
                () -> store.get("k"),
                () -> store.update("k", CausalContext.empty(), value("v2"), KV1).copy(),
                () -> store.merge("k", DottedVersionVectorSet.empty()),
                () -> store.versionDigests(WHOLE_RING),
                () -> store.forEachInRange(WHOLE_RING, (key, copy) -> { }),
                () -> store.collectGarbage(T0, Duration.ZERO),
                () -> store.remove("k"),
                store::keyCount);
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
