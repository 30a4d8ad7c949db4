package io.practicalsystems.kv.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.Versioned;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One anti-entropy round between two replicas of a key range, with version digests of dotted version vector sets. */
class AntiEntropyRoundTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final int DEPTH = 8;

    static DottedVersionVectorSet<String> write(DottedVersionVectorSet<String> set, String value, String node) {
        return set.update(set.context(), Versioned.of(value, T0), NodeId.of(node));
    }

    static MerkleTree tree(Map<String, DottedVersionVectorSet<String>> replica) {
        Map<String, byte[]> digests = new TreeMap<>();
        replica.forEach((key, set) -> digests.put(key, set.versionDigest()));
        return MerkleTree.build(DEPTH, digests);
    }

    static Map<String, byte[]> bucket(Map<String, DottedVersionVectorSet<String>> replica, KeyRangeDiff diff) {
        Map<String, byte[]> contents = new TreeMap<>();
        replica.forEach((key, set) -> {
            if (diff.contains(key)) {
                contents.put(key, set.versionDigest());
            }
        });
        return contents;
    }

    @Test
    void replicasConvergeAfterExchangingOnlyTheDifferingKeys() {
        Map<String, DottedVersionVectorSet<String>> r1 = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            r1.put("key-" + i, write(DottedVersionVectorSet.empty(), "v" + i, "n1"));
        }
        Map<String, DottedVersionVectorSet<String>> r2 = new TreeMap<>(r1);
        r1.put("key-7", write(r1.get("key-7"), "newer on n1", "n1"));     // r2 missed an update
        r2.put("key-8", write(r2.get("key-8"), "newer on n2", "n2"));     // r1 missed an update
        r2.put("key-9", r2.get("key-9").update(CausalContext.empty(), Versioned.of("concurrent", T0),
                NodeId.of("n2")));                                           // a sibling only r2 has
        r1.remove("key-10");                                                 // r1 lost a key
        r2.put("key-300", write(DottedVersionVectorSet.empty(), "new", "n2"));

        Set<String> exchanged = new TreeSet<>();
        for (KeyRangeDiff diff : MerkleTree.diff(tree(r1), tree(r2))) {
            for (String key : KeysToExchange.between(bucket(r1, diff), bucket(r2, diff)).all()) {
                exchanged.add(key);
                DottedVersionVectorSet<String> merged = r1.getOrDefault(key, DottedVersionVectorSet.empty())
                        .sync(r2.getOrDefault(key, DottedVersionVectorSet.empty()));
                r1.put(key, merged);
                r2.put(key, merged);
            }
        }

        assertThat(exchanged).containsExactly("key-10", "key-300", "key-7", "key-8", "key-9");
        assertThat(MerkleTree.diff(tree(r1), tree(r2))).isEmpty();
        assertThat(r1.get("key-7").liveValues()).containsExactly("newer on n1");
        assertThat(r2.get("key-8").liveValues()).containsExactly("newer on n2");
        assertThat(r1.get("key-9").liveValues()).containsExactly("v9", "concurrent");
    }
}
