package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.version.CausalContext;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MVStore that closes itself (its "panic": an I/O error, the heap running out inside it) takes the node's store
 * out of service until it is opened again — without a restart, and without losing an acknowledged write.
 */
class RecoveringReplicaStoreTest {

    @TempDir
    Path dir;

    private final AtomicReference<MvStoreReplicaStore> opened = new AtomicReference<>();
    private RecoveringReplicaStore store;

    private RecoveringReplicaStore open() {
        store = new RecoveringReplicaStore(() -> {
            MvStoreReplicaStore file = MvStoreReplicaStore.open(dir.resolve("replica.mv"));
            opened.set(file);
            return file;
        });
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aStoreThatClosedItselfIsReportedThenReopenedWithEveryAcknowledgedWrite() {
        open();
        store.update("acknowledged", CausalContext.empty(), StoreUnderTest.value("kept"), StoreUnderTest.KV1);
        assertThat(store.failure()).isEmpty();

        opened.get().closeImmediatelyForTest(); // what MVStore does when it panics: no commit, file closed

        assertThat(store.failure()).as("readiness goes DOWN").isPresent();
        assertThatThrownBy(() -> store.get("acknowledged")).isInstanceOf(StoreFailedException.class);
        assertThatThrownBy(() -> store.update("other", CausalContext.empty(), StoreUnderTest.value("x"),
                StoreUnderTest.KV1)).isInstanceOf(StoreFailedException.class);

        assertThat(store.reopen()).isTrue();

        assertThat(store.failure()).as("readiness goes UP again").isEmpty();
        assertThat(store.get("acknowledged").orElseThrow().liveValues()).extracting(Blob::utf8)
                .containsExactly("kept"); // replayed from the log the failed store kept
        store.update("after", CausalContext.empty(), StoreUnderTest.value("written"), StoreUnderTest.KV1);
        assertThat(store.get("after")).isPresent();
    }

    @Test
    void aFailureSeenByAnOperationIsReportedAsTheStoreFailing() {
        open();
        opened.get().closeImmediatelyForTest();

        assertThatThrownBy(() -> store.keyCount()).isInstanceOf(StoreFailedException.class)
                .hasMessageContaining("reopened");
        assertThat(store.hasFailed()).isTrue();
    }

    @Test
    void aStoreThatFailedKeepsItsLogSoReopeningItDirectlyLosesNothing() {
        MvStoreReplicaStore file = MvStoreReplicaStore.open(dir.resolve("replica.mv"));
        file.update("k", CausalContext.empty(), StoreUnderTest.value("v"), StoreUnderTest.KV1);
        file.closeImmediatelyForTest();
        assertThat(file.hasFailed()).isTrue();
        file.close(); // before the fix, this deleted the log: the only place the write was

        try (MvStoreReplicaStore again = MvStoreReplicaStore.open(dir.resolve("replica.mv"))) {
            assertThat(again.get("k")).isPresent();
        }
    }
}
