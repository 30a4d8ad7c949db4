package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.version.CausalContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How every {@link ReplicaStore} visits a range of the ring: boundaries, wrapping, edges, ring order. */
abstract class ReplicaStoreRangeContract extends StoreUnderTest {

    /** 200 keys, sorted by ring position. */
    private List<RingKey> writeKeys() {
        List<RingKey> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "key-" + i;
            store.update(key, CausalContext.empty(), value("value of " + key), KV1);
            keys.add(RingKey.of(key));
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    private List<String> visited(TokenRange range) {
        List<String> keys = new ArrayList<>();
        store.forEachInRange(range, (key, copy) -> {
            assertThat(liveTexts(copy)).containsExactly("value of " + key);
            keys.add(key);
        });
        return keys;
    }

    private static List<String> names(List<RingKey> keys) {
        return keys.stream().map(RingKey::key).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    @Test
    void aRangeHoldsTheKeysAfterItsStartUpToAndIncludingItsEnd() {
        List<RingKey> keys = writeKeys();
        TokenRange range = new TokenRange(keys.get(10).position(), keys.get(20).position());

        assertThat(visited(range)).containsExactlyElementsOf(names(keys.subList(11, 21)));
        Map<String, byte[]> digests = store.versionDigests(range);
        assertThat(digests.keySet()).containsExactlyElementsOf(names(keys.subList(11, 21)));
        digests.forEach((key, digest) -> assertThat(digest).isEqualTo(store.get(key).orElseThrow().versionDigest()));
    }

    @Test
    void aWrappingRangeRunsToTheEndOfTheRingAndOnFromItsBeginning() {
        List<RingKey> keys = writeKeys();
        TokenRange range = new TokenRange(keys.get(190).position(), keys.get(5).position());

        assertThat(visited(range))
                .containsExactlyElementsOf(concat(names(keys.subList(191, 200)), names(keys.subList(0, 6))));
    }

    @Test
    void aRangeEndingWhereItStartsIsTheWholeRingStartingAfterThatPoint() {
        List<RingKey> keys = writeKeys();
        TokenRange range = new TokenRange(keys.get(50).position(), keys.get(50).position());

        assertThat(visited(range))
                .containsExactlyElementsOf(concat(names(keys.subList(51, 200)), names(keys.subList(0, 51))));
    }

    @Test
    void rangesAtTheEdgesOfThePositionSpace() {
        List<String> all = names(writeKeys());

        assertThat(visited(new TokenRange(Long.MIN_VALUE, Long.MAX_VALUE))).containsExactlyElementsOf(all);
        assertThat(visited(new TokenRange(Long.MAX_VALUE, Long.MAX_VALUE))).containsExactlyElementsOf(all);
        assertThat(visited(new TokenRange(Long.MAX_VALUE, Long.MIN_VALUE))).isEmpty();
        assertThat(visited(new TokenRange(Long.MAX_VALUE, -1))).containsExactlyElementsOf(
                all.stream().filter(key -> RingKey.of(key).position() <= -1).toList());
    }

    /** Oracle: the keys {@link TokenRange#contains} accepts, by clockwise distance from the range's start. */
    @Test
    void randomRangesVisitExactlyTheKeysTheyContainInRingOrder() {
        List<RingKey> keys = writeKeys();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            long start = i % 3 == 0 ? keys.get(random.nextInt(keys.size())).position() : random.nextLong();
            long end = i % 4 == 0 ? keys.get(random.nextInt(keys.size())).position() : random.nextLong();
            TokenRange range = new TokenRange(start, end);
            List<String> expected = keys.stream()
                    .filter(key -> range.contains(key.position()))
                    .sorted(Comparator.comparing((RingKey key) -> key.position() - start - 1, Long::compareUnsigned))
                    .map(RingKey::key)
                    .toList();

            assertThat(visited(range)).as("range %s", range).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theVisitorMayWriteToTheStore() {
        writeKeys();

        store.forEachInRange(WHOLE_RING, (key, copy) ->
                store.merge(key, copy.update(copy.context(), value("touched " + key), KV2)));

        everything(store).forEach((key, copy) -> assertThat(liveTexts(copy)).containsExactly("touched " + key));
    }
}
