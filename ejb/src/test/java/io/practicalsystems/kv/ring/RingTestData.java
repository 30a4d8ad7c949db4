package io.practicalsystems.kv.ring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Node and key fixtures shared by the ring tests. */
final class RingTestData {

    private RingTestData() {
    }

    /** {@code node-1 .. node-count}. */
    static List<NodeId> nodes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> NodeId.of("node-" + i)).toList();
    }

    static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code key-0 .. key-(count-1)}: a fixed sample, so measured spreads are reproducible. */
    static List<byte[]> keys(int count) {
        List<byte[]> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(key("key-" + i));
        }
        return keys;
    }
}
