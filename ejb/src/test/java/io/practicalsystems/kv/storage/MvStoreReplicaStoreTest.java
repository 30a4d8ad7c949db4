package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.VersionVector;
import io.practicalsystems.kv.version.Versioned;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MvStoreReplicaStoreTest extends ReplicaStoreContract {

    @TempDir
    Path dir;

    @Override
    ReplicaStore openStore() { // unlimited: the contract piles up siblings on purpose (limits: ObjectLimitsTest)
        return MvStoreReplicaStore.open(dir.resolve("replica.mv"), MvStoreReplicaStore.Durability.PROCESS_CRASH,
                ObjectLimits.NONE);
    }

    private ReplicaStore reopen() {
        store.close();
        store = openStore();
        return store;
    }

    @Test
    void reopeningAfterCloseKeepsEveryCopyExactly() {
        DottedVersionVectorSet<Blob> copy = store.update("siblings", CausalContext.empty(), value("a"), KV1).copy();
        store.update("siblings", CausalContext.empty(), value("b"), KV2);
        store.update("deleted", copy.context(), Versioned.tombstone(T0), KV1);
        store.merge("pruned", DottedVersionVectorSet.restore(
                VersionVector.restore(Map.of(KV1, new VersionVector.Entry(9, T0.plusNanos(123))), 42),
                List.of(new Sibling<>(new Dot(KV1, 9), Versioned.of(Blob.of(new byte[] {0, -1, 7}), T0)))));
        for (int i = 0; i < 100; i++) {
            store.update("key-" + i, CausalContext.empty(), value("value " + i), KV2);
        }
        Map<String, DottedVersionVectorSet<Blob>> before = everything(store);

        reopen();

        assertThat(everything(store)).isEqualTo(before);
        assertThat(store.keyCount()).isEqualTo(103);
        assertThat(store.get("pruned").orElseThrow().history().prunedCeiling()).isEqualTo(42);
    }

    @Test
    void everyKeySurvivesReopeningAsGiven() {
        UNUSUAL_KEYS.forEach(key -> store.update(key, CausalContext.empty(), value("v"), KV1).copy());

        reopen();

        assertThat(everything(store).keySet()).containsExactlyInAnyOrderElementsOf(UNUSUAL_KEYS);
        UNUSUAL_KEYS.forEach(key -> assertThat(store.get(key)).isPresent());
    }

    @Test
    void reopeningKeepsTheActorEpoch() {
        DottedVersionVectorSet<Blob> tombstone = store.update("k", CausalContext.empty(), Versioned.tombstone(T0), KV1)
                .copy();
        tombstone = store.update("k", tombstone.context(), Versioned.tombstone(T0), KV1).copy();
        store.collectGarbage(T0.plus(Duration.ofDays(1)), Duration.ofHours(1));

        reopen();
        ReplicaStore.Written reborn = store.update("k", CausalContext.empty(), value("reborn"), KV1);

        assertThat(reborn.dot()).isEqualTo(new Dot(NodeId.of("kv-1+1"), 1));
        assertThat(tombstone.history().covers(reborn.dot())).isFalse();
    }

    @Test
    void aReopenedStoreStartsANewEpochAtItsFirstRemoval() {
        DottedVersionVectorSet<Blob> written = store.update("k", CausalContext.empty(), value("v1"), KV1).copy();

        reopen(); // the new process cannot know whether its epoch issued dots before
        store.remove("k");
        ReplicaStore.Written again = store.update("k", CausalContext.empty(), value("v2"), KV1);

        assertThat(again.dot()).isEqualTo(new Dot(NodeId.of("kv-1+1"), 1));
        assertThat(written.history().covers(again.dot())).isFalse();
    }

    /**
     * A crash right after a removal: the files exactly as the process left them (copied while the store is open, no
     * close, no checkpoint), as kill -9 would. The new epoch must come back from the log, or the rewrite reissues kv-1:1.
     */
    @Test
    void aCrashRightAfterARemovalKeepsTheNewEpoch() throws Exception {
        store.update("k", CausalContext.empty(), value("v1"), KV1);
        store.remove("k");
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("replica.mv")).toList()) {
                Files.copy(file, crashed.resolve(file.getFileName()));
            }
        }

        try (MvStoreReplicaStore recovered = MvStoreReplicaStore.open(crashed.resolve("replica.mv"))) {
            assertThat(recovered.get("k")).isEmpty();
            assertThat(recovered.update("k", CausalContext.empty(), value("v2"), KV1).dot())
                    .isEqualTo(new Dot(NodeId.of("kv-1+1"), 1));
        }
    }

    @Test
    void withFsyncEveryWriteIsStoredTheSame() {
        Path synced = dir.resolve("synced.mv");
        try (MvStoreReplicaStore fsyncing = MvStoreReplicaStore.open(synced, MvStoreReplicaStore.Durability.POWER_LOSS)) {
            fsyncing.update("k", CausalContext.empty(), value("v1"), KV1);
            fsyncing.update("k", CausalContext.empty(), value("v2"), KV1);
        }
        try (MvStoreReplicaStore reopened = MvStoreReplicaStore.open(synced)) {
            assertThat(liveTexts(reopened.get("k").orElseThrow())).containsExactly("v1", "v2");
        }
    }

    @Test
    void anInterruptedThreadCanStillWriteAndKeepsItsInterrupt() {
        Thread.currentThread().interrupt();
        try {
            store.update("k", CausalContext.empty(), value("v1"), KV1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        store.update("k", CausalContext.empty(), value("v2"), KV1);
        assertThat(liveTexts(reopen().get("k").orElseThrow())).containsExactly("v1", "v2");
    }

    @Test
    void createsMissingDirectoriesAndLeavesNoTemporaryFile() {
        Path nested = dir.resolve("a/b/replica.mv");

        try (MvStoreReplicaStore created = MvStoreReplicaStore.open(nested)) {
            created.update("k", CausalContext.empty(), value("v1"), KV1);
        }

        assertThat(nested).exists();
        assertThat(nested.resolveSibling("replica.mv.new")).doesNotExist();
    }

    @ParameterizedTest(name = "{0} bytes of garbage")
    @ValueSource(ints = {0, 1, 100, 4096, 8192, 65536})
    void aFileOfGarbageIsRejectedWithAClearMessage(int size) throws Exception {
        Path garbage = dir.resolve("garbage.mv");
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Files.write(garbage, bytes);

        assertThatThrownBy(() -> MvStoreReplicaStore.open(garbage))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot open replica store " + garbage);
    }

    @Test
    void aTextFileIsRejectedWithAClearMessage() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a store\n".repeat(500));

        assertThatThrownBy(() -> MvStoreReplicaStore.open(text))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an H2 MVStore file, or corrupted");
    }

    @Test
    void anotherApplicationsMvStoreFileIsRejected() {
        Path foreign = dir.resolve("foreign.mv");
        MVStore other = MVStore.open(foreign.toString());
        other.<String, String>openMap("users").put("alice", "admin");
        other.close();

        assertThatThrownBy(() -> MvStoreReplicaStore.open(foreign))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a replica store")
                .hasMessageContaining("users");
    }

    @Test
    void aStoreWithACorruptedBodyIsRejectedRatherThanOpenedEmpty() throws Exception {
        for (int i = 0; i < 50; i++) {
            store.update("key-" + i, CausalContext.empty(), value("value " + i), KV1);
        }
        store.close();
        Path file = dir.resolve("replica.mv");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 8192; i < bytes.length; i++) { // keep MVStore's two 4 KiB file headers, scramble every chunk
            bytes[i] ^= 0x5A;
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> MvStoreReplicaStore.open(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot open replica store " + file);
    }

    @Test
    void aStoreAlreadyOpenIsRejected() {
        assertThatThrownBy(() -> MvStoreReplicaStore.open(dir.resolve("replica.mv")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
    }

    /**
     * Acknowledged means durable: a child JVM writes keys from several threads and prints each key only after
     * {@code update} returned; it is killed with SIGKILL mid-stream (no shutdown hooks, no close), and every key it
     * printed must be in the file.
     */
    @Test
    void aKilledProcessLosesNoAcknowledgedWrite() throws Exception {
        Path file = dir.resolve("killed.mv");
        List<String> acknowledged = writeUntilKilled(file, 400, 0);
        assertEveryKeyStored(file, acknowledged, 0);
    }

    /**
     * The same with 8 KB values, killed after about 24 MB of log: checkpoints (every 8 MB, on the store's own thread)
     * ran while the writers kept writing, and one may have been cut off by the kill.
     */
    @Test
    void aKillDuringBackgroundCheckpointsLosesNoAcknowledgedWrite() throws Exception {
        Path file = dir.resolve("checkpointed.mv");
        List<String> acknowledged = writeUntilKilled(file, 3_000, 8 << 10);
        try (var segments = Files.list(dir)) {
            long lastSegment = segments.map(Path::toString).filter(name -> name.contains(".wal."))
                    .mapToLong(name -> Long.parseLong(name.substring(name.lastIndexOf('.') + 1))).max().orElse(0);
            assertThat(lastSegment).as("log segments were rotated, so checkpoints ran").isGreaterThanOrEqualTo(2);
        }
        assertEveryKeyStored(file, acknowledged, 8 << 10);
    }

    private List<String> writeUntilKilled(Path file, int atLeast, int padding) throws Exception {
        Path childErrors = dir.resolve(file.getFileName() + ".err");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(), file.toString(), "4", String.valueOf(padding))
                .redirectError(childErrors.toFile())
                .start();
        List<String> acknowledged = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            while (acknowledged.size() < atLeast) {
                String line = lines.readLine();
                if (line == null) {
                    fail("the writer stopped after " + acknowledged.size() + " keys: " + Files.readString(childErrors));
                }
                acknowledged.add(line);
            }
            assertThat(child.isAlive()).isTrue();

            child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly, keeps stdout readable
            assertThat(child.waitFor()).as("exit status: killed by SIGKILL").isEqualTo(128 + 9);
            acknowledged.addAll(completeLines(lines));
        } finally {
            child.destroyForcibly();
        }
        return acknowledged;
    }

    private static void assertEveryKeyStored(Path file, List<String> acknowledged, int padding) {
        try (MvStoreReplicaStore reopened = MvStoreReplicaStore.open(file)) {
            for (String key : acknowledged) {
                assertThat(reopened.get(key)).as(key).hasValueSatisfying(copy ->
                        assertThat(liveTexts(copy)).containsExactly(AcknowledgingWriter.valueOf(key, padding)));
            }
            assertThat(reopened.keyCount()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    /** What the child printed before it died: a last line without its newline was cut mid-print and does not count. */
    private static List<String> completeLines(BufferedReader rest) throws Exception {
        StringWriter text = new StringWriter();
        rest.transferTo(text);
        String printed = text.toString();
        List<String> lines = new ArrayList<>(Arrays.asList(printed.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last newline: empty, or an unfinished line
        return lines;
    }
}
