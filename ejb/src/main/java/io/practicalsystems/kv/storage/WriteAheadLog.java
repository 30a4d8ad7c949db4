package io.practicalsystems.kv.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The replica store's write-ahead log: every change is appended here and made durable before the write returns; the
 * MVStore file itself is committed only now and then (a checkpoint), after which the log segments it covers are
 * deleted. On opening, whatever the log still holds is replayed into the store.
 *
 * <p>Why: committing MVStore per write rewrote B-tree pages and the chunk layout on every write — measured at about
 * 200 µs of CPU per write, and the store file grew to ten times the data. Appending a record is a buffer copy and,
 * for a group of writers, one {@code write} call.
 *
 * <p>Group commit: writers append under a short lock, then {@link #awaitDurable}; whoever flushes writes every record
 * appended so far, so the writers queued behind it find their records already durable. Records are
 * {@code length (4) | CRC32C (4) | type (1) | body}; replay stops at the first torn or corrupted record — only a
 * record that was never acknowledged can be torn (the log is written in order, and a write returns only after its
 * record was written).
 */
final class WriteAheadLog implements AutoCloseable {

    private static final String SEGMENT = ".wal.";

    private final Path base;
    private final boolean fsync;
    private final Object flushLock = new Object();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(); // guarded by this
    private long appended; // guarded by this: bytes appended since opening, the ticket of the last record
    private long durable; // guarded by flushLock
    private long segmentNumber; // guarded by flushLock
    private FileChannel segment; // guarded by flushLock
    private long sinceCheckpoint; // guarded by this

    private WriteAheadLog(Path base, boolean fsync, long segmentNumber) {
        this.base = base;
        this.fsync = fsync;
        this.segmentNumber = segmentNumber;
        this.segment = openSegment(segmentNumber);
    }

    /**
     * Replays the segments left next to {@code base} (oldest first) into {@code apply}, then starts a new log.
     * The caller must make what was replayed durable elsewhere (commit the store) and then call {@link #dropBefore}
     * with {@link #currentSegment()}.
     */
    static WriteAheadLog open(Path base, boolean fsync, BiConsumer<Byte, ByteBuffer> apply) {
        List<Path> old = segments(base);
        for (Path path : old) {
            replay(path, apply);
        }
        long next = old.isEmpty() ? 1 : number(base, old.get(old.size() - 1)) + 1;
        return new WriteAheadLog(base, fsync, next);
    }

    /** Appends a record; returns its ticket for {@link #awaitDurable}. */
    synchronized long append(byte type, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(body);
        ByteBuffer header = ByteBuffer.allocate(9).putInt(body.length + 1).putInt((int) crc.getValue()).put(type);
        buffer.write(header.array(), 0, 9);
        buffer.write(body, 0, body.length);
        appended += 9 + body.length;
        sinceCheckpoint += 9 + body.length;
        return appended;
    }

    /** Returns once the record named by {@code ticket}, and every earlier one, is written (and fsynced if asked). */
    void awaitDurable(long ticket) {
        synchronized (flushLock) {
            if (durable < ticket) {
                flushLocked();
            }
        }
    }

    /** Bytes appended since the last {@link #rotate}. */
    synchronized long sinceCheckpoint() {
        return sinceCheckpoint;
    }

    /**
     * Makes everything appended so far durable in the current segment and starts a new one; returns the new segment's
     * number. Every record in older segments was appended before this returned — so (since a change is applied to
     * the store before its record is appended) a store commit started afterwards covers them all.
     */
    long rotate() {
        synchronized (flushLock) {
            flushLocked();
            close(segment);
            segmentNumber++;
            segment = openSegment(segmentNumber);
            synchronized (this) {
                sinceCheckpoint = 0;
            }
            return segmentNumber;
        }
    }

    long currentSegment() {
        synchronized (flushLock) {
            return segmentNumber;
        }
    }

    /** Deletes the segments older than {@code number}: their records are in a committed store. */
    void dropBefore(long number) {
        for (Path path : segments(base)) {
            if (number(base, path) < number) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("deleting write-ahead log segment " + path, e);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (flushLock) {
            flushLocked();
            close(segment);
        }
    }

    private void flushLocked() {
        byte[] pending;
        long upTo;
        synchronized (this) {
            pending = buffer.toByteArray();
            buffer.reset();
            upTo = appended;
        }
        // An interrupt closes a file channel a thread is blocked in: write with the flag clear, and if an interrupt
        // arrives during the write anyway, reopen the segment, cut off the partial write and write again.
        boolean interrupted = Thread.interrupted();
        try {
            long start = segment.size();
            try {
                write(pending);
            } catch (ClosedChannelException e) {
                Thread.interrupted();
                segment = reopenSegment(segmentNumber);
                segment.truncate(start);
                write(pending);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the write-ahead log " + base, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        durable = upTo;
    }

    private void write(byte[] pending) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(pending);
        while (out.hasRemaining()) {
            segment.write(out, segment.size());
        }
        if (fsync) {
            segment.force(false);
        }
    }

    private FileChannel reopenSegment(long number) throws IOException {
        return FileChannel.open(segmentPath(number), StandardOpenOption.WRITE);
    }

    private Path segmentPath(long number) {
        return base.resolveSibling(base.getFileName() + SEGMENT + number);
    }

    private FileChannel openSegment(long number) {
        try {
            return FileChannel.open(segmentPath(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("opening write-ahead log segment " + number + " of " + base, e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing a write-ahead log segment", e);
        }
    }

    /** Applies the segment's intact records in order; stops at the first torn or corrupted one. */
    private static void replay(Path path, BiConsumer<Byte, ByteBuffer> apply) {
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("reading write-ahead log segment " + path, e);
        }
        while (in.remaining() >= 9) {
            int length = in.getInt();
            int crc = in.getInt();
            if (length < 1 || length > in.remaining()) {
                return; // torn: the process died while writing this record
            }
            byte[] record = new byte[length];
            in.get(record);
            CRC32C check = new CRC32C();
            check.update(record);
            if ((int) check.getValue() != crc) {
                return;
            }
            apply.accept(record[0], ByteBuffer.wrap(record, 1, length - 1).slice());
        }
    }

    private static List<Path> segments(Path base) {
        String prefix = base.getFileName() + SEGMENT;
        Path dir = base.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().substring(prefix.length()).matches("[0-9]+"))
                    .toList());
            found.sort((a, b) -> Long.compare(number(base, a), number(base, b)));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("listing write-ahead log segments of " + base, e);
        }
    }

    private static long number(Path base, Path segment) {
        return Long.parseLong(segment.getFileName().toString().substring((base.getFileName() + SEGMENT).length()));
    }
}
