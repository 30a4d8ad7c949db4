package io.practicalsystems.kv.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
    }

    record Edit(String key, Optional<String> version) {
    }

    @Property
    void diffIsEmptyExactlyWhenContentsAreEqual(@ForAll("replicas") Replicas r) {
        List<KeyRangeDiff> diff = MerkleTree.diff(MerkleTree.build(r.depth(), r.a()), MerkleTree.build(r.depth(), r.b()));

        assertThat(diff.isEmpty()).isEqualTo(r.contentsEqual());
    }

    @Property
    void diffNamesExactlyTheBucketsOfTheDifferingKeys(@ForAll("replicas") Replicas r) {
        List<KeyRangeDiff> diff = MerkleTree.diff(MerkleTree.build(r.depth(), r.a()), MerkleTree.build(r.depth(), r.b()));

        Set<Integer> expected = r.differingKeys().stream().map(k -> MerkleTree.bucketOf(k, r.depth()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(diff).extracting(KeyRangeDiff::bucket).containsExactlyElementsOf(expected);
    }

    @Property
    void exchangingTheDifferingBucketsFindsEveryDifferingKey(@ForAll("replicas") Replicas r) {
        Set<String> found = new TreeSet<>();
        for (KeyRangeDiff d : MerkleTree.diff(MerkleTree.build(r.depth(), r.a()), MerkleTree.build(r.depth(), r.b()))) {
            found.addAll(KeysToExchange.between(r.bucket(r.a(), d), r.bucket(r.b(), d)).all());
        }

        assertThat(found).isEqualTo(r.differingKeys());
    }

    @Provide
    Arbitrary<Replicas> replicas() {
        Arbitrary<String> keys = Arbitraries.integers().between(0, 40).map(i -> "k" + i);
        Arbitrary<String> versions = Arbitraries.of("v1", "v2", "v3");
        Arbitrary<Map<String, String>> base = Arbitraries.maps(keys, versions).ofMaxSize(30);
        Arbitrary<Edit> edit = Combinators.combine(keys, versions.optional(0.7)).as(Edit::new);
        return Combinators.combine(Arbitraries.integers().between(0, 6), base, edit.list().ofMaxSize(3))
                .as((depth, contents, edits) -> {
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
