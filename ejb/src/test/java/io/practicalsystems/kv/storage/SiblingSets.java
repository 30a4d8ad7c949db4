package io.practicalsystems.kv.storage;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.VersionGens;
import io.practicalsystems.kv.version.VersionVector;
import io.practicalsystems.kv.version.Versioned;
import io.practicalsystems.testsupport.Gens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Sibling sets as stored, for property tests: any history (update times, pruned ceiling), siblings it covers. */
final class SiblingSets {

    private SiblingSets() {
    }

    static Gen<DottedVersionVectorSet<Blob>> any() {
        Gen<Map<NodeId, VersionVector.Entry>> histories = Gens.mapsOf(nodes(), entries(), 5);
        Gen<Long> ceilings = longs().between(0, Long.MAX_VALUE).mix(Generate.constant(0L));
        // Sibling "seeds" are mapped onto the generated history afterwards (cheaper than flatMapping per history):
        // which history node, and which counter up to that node's (negative: exactly the node's counter).
        Gen<SiblingSeed> seed = integers().between(0, 4).zip(longs().between(-1, Long.MAX_VALUE), values(),
                SiblingSeed::new);
        return histories.zip(ceilings, Gens.listsOf(seed, 0, 4), SiblingSets::restore);
    }

    private static DottedVersionVectorSet<Blob> restore(Map<NodeId, VersionVector.Entry> entries, long ceiling,
            List<SiblingSeed> siblingSeeds) {
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
    }

    private record SiblingSeed(int nodeIndex, long counter, Versioned<Blob> value) {
    }

    static Gen<NodeId> nodes() {
        return arbitrary().pick("a", "b", "kv-1", "kv-2", "kv-3").mix(VersionGens.nodeNames()).map(NodeId::of);
    }

    static Gen<VersionVector.Entry> entries() {
        Gen<Long> counters = longs().between(1, 20).mix(longs().between(1, Long.MAX_VALUE));
        return counters.zip(instants(), VersionVector.Entry::new);
    }

    static Gen<Versioned<Blob>> values() {
        return Gens.bytes(300).toOptionals(25).zip(instants(), (bytes, at) -> bytes
                .map(data -> Versioned.of(Blob.of(data), at))
                .orElseGet(() -> Versioned.tombstone(at)));
    }

    static Gen<Instant> instants() {
        Gen<Instant> recent = longs().between(1_700_000_000_000L, 1_900_000_000_000L).map(Instant::ofEpochMilli);
        return Generate.oneOf(Gens.instants(), recent, arbitrary().pick(Instant.EPOCH, Instant.MIN, Instant.MAX));
    }
}
