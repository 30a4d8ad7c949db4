package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both stores hold every key to its {@link ObjectLimits}: 100 bytes and 3 siblings here. */
class ObjectLimitsTest {

    static final ObjectLimits LIMITS = new ObjectLimits(100, 3);

    abstract static class Contract extends StoreUnderTest {

        @Test
        void aBlindWriteBeyondTheSiblingLimitIsRefusedAndChangesNothing() {
            for (int i = 0; i < 3; i++) {
                store.update("k", CausalContext.empty(), value("v" + i), KV1);
            }
            Optional<DottedVersionVectorSet<Blob>> before = store.get("k");

            assertThatThrownBy(() -> store.update("k", CausalContext.empty(), value("one too many"), KV1))
                    .isInstanceOfSatisfying(ObjectLimitExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo(ObjectLimitExceededException.Limit.SIBLINGS);
                        assertThat(e.allowed()).isEqualTo(3);
                        assertThat(e.actual()).isEqualTo(4);
                        assertThat(e.merge()).isFalse();
                    });
            assertThat(store.get("k")).isEqualTo(before);
        }

        @Test
        void aBlindWriteBeyondTheByteLimitIsRefusedAndChangesNothing() {
            store.update("k", CausalContext.empty(), value("a".repeat(60)), KV1);
            Optional<DottedVersionVectorSet<Blob>> before = store.get("k");

            assertThatThrownBy(() -> store.update("k", CausalContext.empty(), value("b".repeat(41)), KV1))
                    .isInstanceOfSatisfying(ObjectLimitExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo(ObjectLimitExceededException.Limit.BYTES);
                        assertThat(e.allowed()).isEqualTo(100);
                        assertThat(e.actual()).isEqualTo(101);
                    });
            assertThat(store.get("k")).isEqualTo(before);
            store.update("k", CausalContext.empty(), value("b".repeat(40)), KV1); // exactly the limit
        }

        @Test
        void aWriteWithTheReadContextResolvesAFullKey() {
            for (int i = 0; i < 3; i++) {
                store.update("k", CausalContext.empty(), value("v" + i), KV1);
            }
            CausalContext read = store.get("k").orElseThrow().context();

            DottedVersionVectorSet<Blob> resolved = store.update("k", read, value("merged"), KV1).copy();

            assertThat(liveTexts(resolved)).containsExactly("merged");
        }

        @Test
        void aMergeMayExceedTheLimitsUpToTheHeadroomAndThenTheKeyOnlyShrinks() {
            DottedVersionVectorSet<Blob> wide = siblings(5); // written within another coordinator's view of time
            store.merge("k", wide);
            assertThat(store.get("k").orElseThrow().values()).hasSize(5);

            assertThatThrownBy(() -> store.update("k", CausalContext.empty(), value("blind"), KV1))
                    .isInstanceOf(ObjectLimitExceededException.class);
            CausalContext partly = siblings(2).context(); // a client that had read two of the five
            assertThat(store.update("k", partly, value("fewer"), KV1).copy().values()).hasSize(4);
        }

        @Test
        void aMergeBeyondTheHeadroomIsRefusedAndChangesNothing() {
            store.update("k", CausalContext.empty(), value("mine"), KV1);
            Optional<DottedVersionVectorSet<Blob>> before = store.get("k");

            assertThatThrownBy(() -> store.merge("k", siblings(3 * ObjectLimits.MERGE_HEADROOM)))
                    .isInstanceOfSatisfying(ObjectLimitExceededException.class, e -> {
                        assertThat(e.merge()).isTrue();
                        assertThat(e.allowed()).isEqualTo(3 * ObjectLimits.MERGE_HEADROOM);
                    });
            assertThat(store.get("k")).isEqualTo(before);
        }

        /** {@code count} blind writes of another coordinator, as that coordinator (without limits) stored them. */
        private static DottedVersionVectorSet<Blob> siblings(int count) {
            DottedVersionVectorSet<Blob> copy = DottedVersionVectorSet.empty();
            for (int i = 0; i < count; i++) {
                copy = copy.update(CausalContext.empty(), value("w" + i), KV2);
            }
            return copy;
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        ReplicaStore openStore() {
            return new InMemoryReplicaStore(LIMITS);
        }
    }

    @Nested
    class MvStore extends Contract {
        @TempDir
        Path dir;

        @Override
        ReplicaStore openStore() {
            return MvStoreReplicaStore.open(dir.resolve("replica.mv"), MvStoreReplicaStore.Durability.PROCESS_CRASH,
                    LIMITS);
        }
    }
}
