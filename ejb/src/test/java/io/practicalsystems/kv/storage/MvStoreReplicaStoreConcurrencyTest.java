package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Versioned;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many writers and readers of different keys at once. MVStore reuses freed file space at once here (retention time
 * 0), so a reader still walking an older version of the tree must keep the chunks it reads from being overwritten:
 * without that, readers and writers failed with "Chunk N not found" after some thousand concurrent writes.
 */
class MvStoreReplicaStoreConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int KEYS_PER_WRITER = 3_000;
    private static final int READS_PER_READER = 20_000;
    private static final NodeId KV1 = NodeId.of("kv-1");
    private static final Versioned<Blob> VALUE = Versioned.of(Blob.ofUtf8("v".repeat(100)), Instant.EPOCH);

    @TempDir
    Path dir;

    @Test
    void concurrentWritersAndReadersOfDifferentKeysNeverReadAFreedChunk() throws Exception {
        MvStoreReplicaStore store = MvStoreReplicaStore.open(dir.resolve("replica.mv"));
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                tasks.add(() -> {
                    for (int i = 0; i < KEYS_PER_WRITER; i++) {
                        store.update(key(writer, i), CausalContext.empty(), VALUE, KV1);
                    }
                    return null;
                });
            }
            for (int r = 0; r < 2; r++) {
                tasks.add(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int read = 0; read < READS_PER_READER; read++) {
                        store.get(key(random.nextInt(WRITERS), random.nextInt(KEYS_PER_WRITER)));
                    }
                    return null;
                });
            }
            Concurrently.run(tasks);

            for (int w = 0; w < WRITERS; w++) {
                for (int i = 0; i < KEYS_PER_WRITER; i += 97) {
                    assertThat(store.get(key(w, i))).as(key(w, i)).hasValueSatisfying(
                            copy -> assertThat(copy.liveValues()).containsExactly(VALUE.value()));
                }
            }
        } finally {
            store.close();
        }
    }

    private static String key(int writer, int i) {
        return "key-" + writer + "-" + i;
    }

}
