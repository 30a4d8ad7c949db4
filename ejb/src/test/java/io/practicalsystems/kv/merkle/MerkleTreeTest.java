package io.practicalsystems.kv.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    static final int DEPTH = 10;

    static byte[] digest(String version) {
        return version.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> keys(int count, String version) {
        Map<String, byte[]> contents = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            contents.put("key-" + i, digest(version));
        }
        return contents;
    }

    @Test
    void identicalContentsHaveNoDiff() {
        MerkleTree a = MerkleTree.build(DEPTH, keys(500, "v1"));
        MerkleTree b = MerkleTree.build(DEPTH, new TreeMap<>(keys(500, "v1")));

        assertThat(MerkleTree.diff(a, b)).isEmpty();
        assertThat(a.rootHash()).isEqualTo(b.rootHash());
    }

    @Test
    void oneChangedVersionDiffersInExactlyItsBucketAndOnlyThatPathIsVisited() {
        Map<String, byte[]> changed = keys(500, "v1");
        changed.put("key-42", digest("v2"));
        AtomicInteger comparisons = new AtomicInteger();

        List<KeyRangeDiff> diff = MerkleTree.diff(MerkleTree.build(DEPTH, keys(500, "v1")),
                MerkleTree.build(DEPTH, changed), comparisons::incrementAndGet);

        assertThat(diff).containsExactly(new KeyRangeDiff(DEPTH, MerkleTree.bucketOf("key-42", DEPTH)));
        assertThat(diff.get(0).contains("key-42")).isTrue();
        // The differing root-to-leaf path, plus each sibling on it (equal, so not descended into).
        assertThat(comparisons.get()).isEqualTo(2 * DEPTH + 1);
    }

    @Test
    void aKeyMissingOnOneSideDiffersInItsBucket() {
        Map<String, byte[]> withExtra = keys(100, "v1");
        withExtra.put("only-here", digest("v1"));

        assertThat(MerkleTree.diff(MerkleTree.build(DEPTH, withExtra), MerkleTree.build(DEPTH, keys(100, "v1"))))
                .containsExactly(new KeyRangeDiff(DEPTH, MerkleTree.bucketOf("only-here", DEPTH)));
    }

    @Test
    void emptyTreesOfEqualDepthAreEqualAndAnyKeyMakesADifference() {
        MerkleTree empty = MerkleTree.build(4, Map.of());

        assertThat(MerkleTree.diff(empty, MerkleTree.build(4, Map.of()))).isEmpty();
        assertThat(MerkleTree.diff(empty, MerkleTree.build(4, Map.of("k", digest("v"))))).hasSize(1);
    }

    @Test
    void depthZeroIsASingleBucket() {
        MerkleTree a = MerkleTree.build(0, keys(10, "v1"));
        MerkleTree b = MerkleTree.build(0, keys(10, "v2"));

        assertThat(a.leafCount()).isEqualTo(1);
        assertThat(MerkleTree.diff(a, b)).containsExactly(new KeyRangeDiff(0, 0));
    }

    @Test
    void treesOfDifferentDepthsCannotBeCompared() {
        assertThatThrownBy(() -> MerkleTree.diff(MerkleTree.build(3, Map.of()), MerkleTree.build(4, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different depths: 3 and 4");
    }

    @Test
    void rejectsDepthsOutOfRange() {
        assertThatThrownBy(() -> MerkleTree.build(-1, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.build(MerkleTree.MAX_DEPTH + 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRangeDiff(2, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTreeRebuiltFromItsLeafHashesIsTheSameTree() {
        MerkleTree tree = MerkleTree.build(6, keys(300, "v1"));

        MerkleTree received = MerkleTree.fromLeafHashes(6, tree.leafHashes());

        assertThat(received.rootHash()).isEqualTo(tree.rootHash());
        assertThat(received.nodeHash(3, 5)).isEqualTo(tree.nodeHash(3, 5));
        assertThat(received.nodeHash(0, 0)).isEqualTo(tree.rootHash());
        assertThat(MerkleTree.diff(tree, received)).isEmpty();
        assertThatThrownBy(() -> MerkleTree.fromLeafHashes(6, tree.leafHashes().subList(0, 63)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.nodeHash(3, 8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void hashesHandedOutAreCopies() {
        MerkleTree tree = MerkleTree.build(2, keys(10, "v1"));
        byte[] root = tree.rootHash();

        root[0] ^= 1;
        tree.leafHashes().get(0)[0] ^= 1;

        assertThat(tree.rootHash()).isNotEqualTo(root);
        assertThat(MerkleTree.diff(tree, MerkleTree.build(2, keys(10, "v1")))).isEmpty();
    }

    @Test
    void bucketsSpreadKeysOfOneRange() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            int bucket = MerkleTree.bucketOf("user:" + i, 4);
            assertThat(bucket).isBetween(0, 15);
            used.add(bucket);
        }
        assertThat(used).hasSize(16);
    }

    @Test
    void leafHashSeparatesKeyFromDigest() {
        // Without length prefixes ("ab", "c") and ("a", "bc") would hash alike.
        assertThat(MerkleTree.leafHash(new TreeMap<>(Map.of("ab", digest("c")))))
                .isNotEqualTo(MerkleTree.leafHash(new TreeMap<>(Map.of("a", digest("bc")))));
    }
}
