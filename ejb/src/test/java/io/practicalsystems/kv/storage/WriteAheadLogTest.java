package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

    @TempDir
    Path dir;

    private Path base() {
        return dir.resolve("store.mv.db");
    }

    private List<String> replayed() {
        List<String> seen = new ArrayList<>();
        WriteAheadLog.open(base(), false, (type, body) ->
                seen.add(type + ":" + StandardCharsets.UTF_8.decode(body))).close();
        return seen;
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".wal.")).sorted().toList();
        }
    }

    @Test
    void durableRecordsAreReplayedInOrderOnOpening() {
        WriteAheadLog log = WriteAheadLog.open(base(), false, (type, body) -> { });
        log.append((byte) 1, text("a"));
        log.awaitDurable(log.append((byte) 2, text("b")));
        // no close: as after kill -9, only what awaitDurable wrote is in the file
        assertThat(replayed()).containsExactly("1:a", "2:b");
    }

    @Test
    void aTornOrCorruptedTailEndsTheReplayAndKeepsEverythingBeforeIt() throws Exception {
        WriteAheadLog log = WriteAheadLog.open(base(), false, (type, body) -> { });
        log.append((byte) 1, text("kept"));
        log.append((byte) 1, text("also kept"));
        log.close();
        Path segment = segments().get(0);
        byte[] intact = Files.readAllBytes(segment);

        Files.write(segment, ByteBuffer.allocate(9).putInt(100).putInt(0).put((byte) 1).array(),
                StandardOpenOption.APPEND); // a record header whose body never made it
        assertThat(replayed()).containsExactly("1:kept", "1:also kept");

        byte[] flipped = intact.clone();
        flipped[flipped.length - 1] ^= 1; // last record's body damaged: its checksum no longer matches
        Files.write(segment, flipped);
        assertThat(replayed()).containsExactly("1:kept");
    }

    @Test
    void segmentsAreReplayedOldestFirstAndDroppedOnceCovered() throws Exception {
        WriteAheadLog log = WriteAheadLog.open(base(), false, (type, body) -> { });
        log.append((byte) 1, text("first"));
        long second = log.rotate();
        log.awaitDurable(log.append((byte) 1, text("second")));
        assertThat(segments()).hasSize(2);
        assertThat(replayed()).containsExactly("1:first", "1:second");

        log.dropBefore(second);
        assertThat(segments()).hasSize(2); // the one replay() started, and the current one
        assertThat(replayed()).containsExactly("1:second");
    }

    @Test
    void rotationCountsLogBytesAfreshForTheNextCheckpoint() {
        WriteAheadLog log = WriteAheadLog.open(base(), false, (type, body) -> { });
        log.append((byte) 1, new byte[91]);
        assertThat(log.sinceCheckpoint()).isEqualTo(100); // 9 bytes of header
        log.rotate();
        assertThat(log.sinceCheckpoint()).isZero();
        log.close();
    }

    @Test
    void anInterruptedWriterStillWritesAndKeepsItsInterrupt() {
        WriteAheadLog log = WriteAheadLog.open(base(), false, (type, body) -> { });
        Thread.currentThread().interrupt();
        try {
            log.awaitDurable(log.append((byte) 1, text("despite the interrupt")));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        log.awaitDurable(log.append((byte) 1, text("and after")));
        assertThat(replayed()).containsExactly("1:despite the interrupt", "1:and after");
    }
}
