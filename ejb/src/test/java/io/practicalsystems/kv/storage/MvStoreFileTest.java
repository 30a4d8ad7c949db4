package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.Versioned;
import java.nio.file.Path;
import java.time.Instant;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvStoreFileTest {

    @TempDir
    Path dir;

    /**
     * H2 commits on the writing thread, inside {@code MVMap.put}, once unsaved page memory passes its auto-commit
     * buffer (19 MB) — unless that buffer is 0. The replica store's writer holds a key lock there, so such a commit
     * stalled every writer behind it: only the store's own checkpoints may commit.
     */
    @Test
    void writesNeverCommitTheStoreOnTheWritingThread() {
        MVStore store = MvStoreFile.openOrCreate(dir.resolve("writes.mv.db"));
        try {
            MVMap<RingKey, byte[]> copies = MvStoreFile.copies(store);
            long version = store.getCurrentVersion();
            byte[] value = new byte[1024];
            for (int i = 0; i < 50_000; i++) {
                copies.put(RingKey.of("key-" + i), value);
            }
            assertThat(store.getUnsavedMemory()).as("well past H2's auto-commit buffer").isGreaterThan(40 << 20);
            assertThat(store.getCurrentVersion()).as("no commit happened").isEqualTo(version);
        } finally {
            store.closeImmediately();
        }
    }

    /** A store written before actor epochs counted rewritten keys above a ceiling; its next actor must be fresh. */
    @Test
    void aStoreWithTheOldForgottenCeilingStartsAtEpochOne() {
        Path file = dir.resolve("legacy.mv.db");
        MVStore legacy = MvStoreFile.openOrCreate(file);
        legacy.<String, String>openMap("meta").put("forgotten-counter-ceiling", "7");
        legacy.commit();
        legacy.close();

        try (MvStoreReplicaStore store = MvStoreReplicaStore.open(file)) {
            assertThat(store.update("k", CausalContext.empty(), Versioned.of(Blob.ofUtf8("v"), Instant.EPOCH),
                    NodeId.of("kv-1")).dot()).isEqualTo(Dot.of("kv-1+1", 1));
        }
    }
}
