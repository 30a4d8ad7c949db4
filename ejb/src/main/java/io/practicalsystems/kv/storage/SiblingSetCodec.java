package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CompactBinary;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.VersionVector;
import io.practicalsystems.kv.version.Versioned;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The binary form of one key's {@link DottedVersionVectorSet} of {@link Blob}s: what a {@link MvStoreReplicaStore}
 * keeps on disk and what nodes send each other. Everything is kept, pruning bookkeeping included, so
 * {@code decode(encode(set)).equals(set)}.
 *
 * <pre>
 * u8      format version (1)
 * varint  n: history entries, then n × (node | varint counter &ge; 1 | instant updatedAt), nodes ascending
 * varint  history's pruned ceiling
 * varint  m: siblings, then m × (varint index of the dot's node in the history | varint dot counter
 *                                | u8 kind: 0 value, 1 tombstone | instant writtenAt | [value: varint length | bytes])
 *         in dot order
 * node    = varint length | UTF-8;  instant = zigzag varint epoch second | varint nanosecond (0..999,999,999)
 * </pre>
 *
 * <p>A dot's node is written as its index in the history because the history always covers every sibling's dot: a
 * typical two-sibling set of a three-node cluster takes about 40 bytes plus the values.
 *
 * <p>{@link #decode} is strict, because the bytes may come from the network: anything other than exactly one
 * canonical encoding — truncation, trailing bytes, non-minimal varints, unsorted or duplicate nodes or dots, a dot the
 * history does not cover, an unknown kind, an out-of-range instant — is an {@link IllegalArgumentException}
 * {@code "malformed sibling set: ..."}, and nothing else is thrown. It allocates at most about the input's size.
 */
public final class SiblingSetCodec {

    static final int FORMAT_VERSION = 1;
    private static final String FORMAT_NAME = "sibling set";
    private static final int KIND_VALUE = 0;
    private static final int KIND_TOMBSTONE = 1;
    /** node (1 + 1) + counter (1) + instant (1 + 1). */
    private static final int MIN_HISTORY_ENTRY_BYTES = 5;
    /** node index (1) + counter (1) + kind (1) + instant (1 + 1). */
    private static final int MIN_SIBLING_BYTES = 5;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private SiblingSetCodec() {
    }

    public static byte[] encode(DottedVersionVectorSet<Blob> set) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FORMAT_VERSION);
        VersionVector history = set.history();
        CompactBinary.writeVarint(out, history.size());
        List<NodeId> nodes = new ArrayList<>(history.size());
        history.entries().forEach((node, entry) -> {
            CompactBinary.writeNode(out, node);
            CompactBinary.writeVarint(out, entry.counter());
            writeInstant(out, entry.updatedAt());
            nodes.add(node);
        });
        CompactBinary.writeVarint(out, history.prunedCeiling());
        List<Sibling<Blob>> siblings = set.siblings();
        CompactBinary.writeVarint(out, siblings.size());
        for (Sibling<Blob> sibling : siblings) {
            // Binary search works because history entries are sorted by node, the order of `nodes`.
            CompactBinary.writeVarint(out, Collections.binarySearch(nodes, sibling.dot().node()));
            CompactBinary.writeVarint(out, sibling.dot().counter());
            Versioned<Blob> value = sibling.value();
            out.write(value.isTombstone() ? KIND_TOMBSTONE : KIND_VALUE);
            writeInstant(out, value.writtenAt());
            if (!value.isTombstone()) {
                CompactBinary.writeBytes(out, value.value().bytes());
            }
        }
        return out.toByteArray();
    }

    /**
     * @throws IllegalArgumentException if {@code bytes} is null or not exactly one well-formed encoding
     */
    public static DottedVersionVectorSet<Blob> decode(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("malformed " + FORMAT_NAME + ": null");
        }
        CompactBinary.Reader in = new CompactBinary.Reader(bytes, FORMAT_NAME);
        int version = in.readByte("format version");
        if (version != FORMAT_VERSION) {
            throw in.malformed("unknown format version " + version);
        }
        VersionVector history = readHistory(in);
        List<NodeId> nodes = List.copyOf(history.nodes());
        int siblingCount = in.readCount("sibling count", MIN_SIBLING_BYTES);
        List<Sibling<Blob>> siblings = new ArrayList<>(siblingCount);
        Dot previous = null;
        for (int i = 0; i < siblingCount; i++) {
            Dot dot = readDot(in, i, nodes, history);
            if (previous != null && previous.compareTo(dot) >= 0) {
                throw in.malformed("sibling " + i + ": dots must be unique and in ascending order");
            }
            siblings.add(new Sibling<>(dot, readVersioned(in, i)));
            previous = dot;
        }
        in.expectEnd();
        return DottedVersionVectorSet.restore(history, siblings);
    }

    private static VersionVector readHistory(CompactBinary.Reader in) {
        int count = in.readCount("history entry count", MIN_HISTORY_ENTRY_BYTES);
        SortedMap<NodeId, VersionVector.Entry> entries = new TreeMap<>();
        NodeId previous = null;
        for (int i = 0; i < count; i++) {
            String what = "history entry " + i;
            NodeId node = in.readNode(what);
            if (previous != null && previous.compareTo(node) >= 0) {
                throw in.malformed(what + ": node IDs must be unique and in ascending order");
            }
            long counter = in.readVarint("counter of " + what);
            if (counter < 1) {
                throw in.malformed(what + ": counter must be >= 1");
            }
            entries.put(node, new VersionVector.Entry(counter, readInstant(in, "update time of " + what)));
            previous = node;
        }
        long prunedCeiling = in.readVarint("pruned ceiling");
        return VersionVector.restore(entries, prunedCeiling);
    }

    private static Dot readDot(CompactBinary.Reader in, int index, List<NodeId> nodes, VersionVector history) {
        String what = "sibling " + index;
        long nodeIndex = in.readVarint("node index of " + what);
        if (nodeIndex >= nodes.size()) {
            throw in.malformed(what + ": node index " + nodeIndex + " beyond the " + nodes.size() + " history entries");
        }
        NodeId node = nodes.get((int) nodeIndex);
        long counter = in.readVarint("dot counter of " + what);
        if (counter < 1 || counter > history.counter(node)) {
            throw in.malformed(what + ": dot " + node + ":" + counter + " is not covered by the history "
                    + history);
        }
        return new Dot(node, counter);
    }

    private static Versioned<Blob> readVersioned(CompactBinary.Reader in, int index) {
        String what = "sibling " + index;
        int kind = in.readByte("kind of " + what);
        if (kind != KIND_VALUE && kind != KIND_TOMBSTONE) {
            throw in.malformed(what + ": unknown kind " + kind);
        }
        Instant writtenAt = readInstant(in, "write time of " + what);
        if (kind == KIND_TOMBSTONE) {
            return Versioned.tombstone(writtenAt);
        }
        return Versioned.of(Blob.of(in.readBytes("value of " + what, Integer.MAX_VALUE)), writtenAt);
    }

    private static void writeInstant(ByteArrayOutputStream out, Instant instant) {
        long seconds = instant.getEpochSecond();
        CompactBinary.writeVarint(out, (seconds << 1) ^ (seconds >> 63)); // zigzag: small magnitudes, small varints
        CompactBinary.writeVarint(out, instant.getNano());
    }

    private static Instant readInstant(CompactBinary.Reader in, String what) {
        long zigzag = in.readVarint(what);
        long seconds = (zigzag >>> 1) ^ -(zigzag & 1);
        long nanos = in.readVarint(what + " (nanoseconds)");
        if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()
                || nanos >= NANOS_PER_SECOND) {
            throw in.malformed(what + " out of range");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
