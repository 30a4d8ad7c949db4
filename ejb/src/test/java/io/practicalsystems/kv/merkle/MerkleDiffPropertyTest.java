package io.practicalsystems.kv.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.testsupport.Gens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MerkleDiffPropertyTest {

    /** Two replicas' (key → version digest) contents: a base and a copy with up to three edits, often none. */
    record Replicas(int depth, Map<String, byte[]> a, Map<String, byte[]> b) {

        boolean contentsEqual() {
            return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
        }

        Set<String> differingKeys() {
            Set<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            keys.removeIf(k -> a.containsKey(k) && b.containsKey(k) && Arrays.equals(a.get(k), b.get(k)));
            return keys;
        }

        Map<String, byte[]> bucket(Map<String, byte[]> side, KeyRangeDiff diff) {
            return side.entrySet().stream().filter(e -> diff.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        /** The digests are the versions' UTF-8 bytes: shown as text, a counterexample can be read. */
        @Override
        public String toString() {
            return "depth=" + depth + " a=" + readable(a) + " b=" + readable(b);
        }

        private static Map<String, String> readable(Map<String, byte[]> side) {
            Map<String, String> text = new TreeMap<>();
            side.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
            return text;
        }
    }

    record Edit(String key, Optional<String> version) {
    }

    @Test
    void diffIsEmptyExactlyWhenContentsAreEqual() {
        qt().forAll(replicas()).checkAssert(r -> {
            List<KeyRangeDiff> diff = MerkleTree.diff(MerkleTree.build(r.depth(), r.a()),
                    MerkleTree.build(r.depth(), r.b()));

            assertThat(diff.isEmpty()).isEqualTo(r.contentsEqual());
        });
    }

    @Test
    void diffNamesExactlyTheBucketsOfTheDifferingKeys() {
        qt().forAll(replicas()).checkAssert(r -> {
            List<KeyRangeDiff> diff = MerkleTree.diff(MerkleTree.build(r.depth(), r.a()),
                    MerkleTree.build(r.depth(), r.b()));

            Set<Integer> expected = r.differingKeys().stream().map(k -> MerkleTree.bucketOf(k, r.depth()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(diff).extracting(KeyRangeDiff::bucket).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void exchangingTheDifferingBucketsFindsEveryDifferingKey() {
        qt().forAll(replicas()).checkAssert(r -> {
            Set<String> found = new TreeSet<>();
            for (KeyRangeDiff d : MerkleTree.diff(MerkleTree.build(r.depth(), r.a()),
                    MerkleTree.build(r.depth(), r.b()))) {
                found.addAll(KeysToExchange.between(r.bucket(r.a(), d), r.bucket(r.b(), d)).all());
            }

            assertThat(found).isEqualTo(r.differingKeys());
        });
    }

    private static Gen<Replicas> replicas() {
        Gen<String> keys = integers().between(0, 40).map(i -> "k" + i);
        Gen<String> versions = arbitrary().pick("v1", "v2", "v3");
        Gen<Map<String, String>> base = Gens.mapsOf(keys, versions, 30);
        Gen<Edit> edit = keys.zip(versions.toOptionals(30), Edit::new);
        return integers().between(0, 6).zip(base, Gens.listsOf(edit, 0, 3), (depth, contents, edits) -> {
            Map<String, String> copy = new TreeMap<>(contents);
            for (Edit e : edits) {
                e.version().ifPresentOrElse(v -> copy.put(e.key(), v), () -> copy.remove(e.key()));
            }
            return new Replicas(depth, digests(contents), digests(copy));
        });
    }

    static Map<String, byte[]> digests(Map<String, String> versions) {
        Map<String, byte[]> digests = new TreeMap<>();
        versions.forEach((k, v) -> digests.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return digests;
    }
}
