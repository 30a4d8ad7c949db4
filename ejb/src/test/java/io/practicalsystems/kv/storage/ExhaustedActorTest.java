package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.VersionVector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key whose history claims the last counter for the coordinator (a forged client context put it there before
 * contexts were authenticated) takes writes again: they go under a fresh actor. Before, every write of such a key
 * failed with an overflow, also after a restart.
 */
class ExhaustedActorTest {

    static final long LAST = Long.MAX_VALUE;

    abstract static class Contract extends StoreUnderTest {

        @Test
        void aForgedContextClaimingTheLastCounterDoesNotFreezeTheKey() {
            CausalContext forged = CausalContext.of(VersionVector.of(Map.of(KV1, LAST)));

            ReplicaStore.Written written = store.update("k", forged, value("v"), KV1);
            ReplicaStore.Written next = store.update("k", written.copy().context(), value("w"), KV1);

            assertThat(written.dot()).isEqualTo(new Dot(NodeId.of("kv-1+1"), 1));
            assertThat(next.dot()).isEqualTo(new Dot(NodeId.of("kv-1+1"), 2));
            assertThat(liveTexts(next.copy())).containsExactly("w");
        }

        @Test
        void aKeyAlreadyFrozenIsRepairedByABlindWriteThenResolvedWithItsContext() {
            store.merge("k", frozen("old"));

            ReplicaStore.Written blind = store.update("k", CausalContext.empty(), value("new"), KV1);
            assertThat(liveTexts(blind.copy())).containsExactly("new", "old");

            DottedVersionVectorSet<Blob> resolved = store.update("k", blind.copy().context(), value("merged"), KV1)
                    .copy();
            assertThat(liveTexts(resolved)).containsExactly("merged");
        }

        @Test
        void everyExhaustedActorIsSkipped() {
            store.merge("k", DottedVersionVectorSet.restore(VersionVector.of(Map.of(KV1, LAST,
                    NodeId.of("kv-1+1"), LAST)), List.of(new Sibling<>(new Dot(KV1, 1), value("old")))));

            assertThat(store.update("k", CausalContext.empty(), value("v"), KV1).dot())
                    .isEqualTo(new Dot(NodeId.of("kv-1+2"), 1));
        }
    }

    /** What a key frozen by a forged context looks like in storage: kv-1's entry at the last counter. */
    static DottedVersionVectorSet<Blob> frozen(String value) {
        return DottedVersionVectorSet.restore(VersionVector.of(Map.of(StoreUnderTest.KV1, LAST)),
                List.of(new Sibling<>(new Dot(StoreUnderTest.KV1, 1), StoreUnderTest.value(value))));
    }

    @Nested
    class InMemory extends Contract {
        @Override
        ReplicaStore openStore() {
            return new InMemoryReplicaStore();
        }
    }

    @Nested
    class MvStore extends Contract {
        @TempDir
        Path dir;

        @Override
        ReplicaStore openStore() {
            return MvStoreReplicaStore.open(dir.resolve("replica.mv"));
        }

        /** Else a later epoch 1 would reissue the dots this repair gave out (see {@link ActorEpoch}). */
        @Test
        void theFreshEpochSurvivesAReopening() {
            store.merge("a", frozen("old"));
            store.update("a", CausalContext.empty(), value("repair"), KV1); // epoch 1

            store.close();
            store = openStore();

            assertThat(store.update("b", CausalContext.empty(), value("v"), KV1).dot())
                    .isEqualTo(new Dot(NodeId.of("kv-1+1"), 1));
        }
    }
}
