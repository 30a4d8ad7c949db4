package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.VersionVector;
import io.practicalsystems.kv.version.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitrary sibling sets as stored: any history (update times, pruned ceiling), siblings whose dots it covers. */
final class SiblingSets {

    private SiblingSets() {
    }

    static Arbitrary<DottedVersionVectorSet<Blob>> arbitrary() {
        Arbitrary<Map<NodeId, VersionVector.Entry>> histories = Arbitraries.maps(nodes(), entries()).ofMaxSize(5);
        Arbitrary<Long> ceilings = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, Long.MAX_VALUE));
        // Sibling "seeds" are mapped onto the generated history afterwards (cheaper than flatMapping per history):
        // which history node, and which counter up to that node's (negative: exactly the node's counter).
        Arbitrary<List<SiblingSeed>> seeds = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.longs().between(-1, Long.MAX_VALUE), values())
                .as(SiblingSeed::new).list().ofMaxSize(4);
        return Combinators.combine(histories, ceilings, seeds).as((entries, ceiling, siblingSeeds) -> {
            VersionVector history = VersionVector.restore(entries, ceiling);
            List<NodeId> nodes = List.copyOf(history.nodes());
            SortedMap<Dot, Sibling<Blob>> byDot = new TreeMap<>();
            if (!nodes.isEmpty()) {
                for (SiblingSeed seed : siblingSeeds) {
                    NodeId node = nodes.get(seed.nodeIndex() % nodes.size());
                    long max = history.counter(node);
                    Dot dot = new Dot(node, seed.counter() < 0 ? max : 1 + seed.counter() % max);
                    byDot.putIfAbsent(dot, new Sibling<>(dot, seed.value())); // two siblings never share a dot
                }
            }
            return DottedVersionVectorSet.restore(history, new ArrayList<>(byDot.values()));
        });
    }

    private record SiblingSeed(int nodeIndex, long counter, Versioned<Blob> value) {
    }

    static Arbitrary<NodeId> nodes() {
        return Arbitraries.oneOf(Arbitraries.of("a", "b", "kv-1", "kv-2", "kv-3"),
                Arbitraries.strings().withChars("abcXYZ019._:-").ofMinLength(1).ofMaxLength(NodeId.MAX_LENGTH))
                .map(NodeId::of);
    }

    static Arbitrary<VersionVector.Entry> entries() {
        Arbitrary<Long> counters = Arbitraries.oneOf(Arbitraries.longs().between(1, 20),
                Arbitraries.longs().between(1, Long.MAX_VALUE));
        return Combinators.combine(counters, instants()).as(VersionVector.Entry::new);
    }

    static Arbitrary<Versioned<Blob>> values() {
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Combinators.combine(data.injectNull(0.25), instants()).as((bytes, at) -> bytes == null
                ? Versioned.<Blob>tombstone(at)
                : Versioned.of(Blob.of(bytes), at));
    }

    static Arbitrary<Instant> instants() {
        Arbitrary<Instant> anyInstant = Combinators.combine(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.longs().between(0, 999_999_999)).as(Instant::ofEpochSecond);
        Arbitrary<Instant> recent = Arbitraries.longs().between(1_700_000_000_000L, 1_900_000_000_000L)
                .map(Instant::ofEpochMilli);
        return Arbitraries.oneOf(anyInstant, recent, Arbitraries.of(Instant.EPOCH, Instant.MIN, Instant.MAX));
    }
}
