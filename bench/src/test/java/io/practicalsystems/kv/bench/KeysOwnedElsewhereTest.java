package io.practicalsystems.kv.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysOwnedElsewhereTest {

    private static final HashRing RING = HashRing.of(List.of(NodeId.of("kv-1"), NodeId.of("kv-2"), NodeId.of("kv-3")),
            16);

    /** The arcs as {@code GET /api/kv-cluster/ring} reports them, from the store's own ring. */
    private static List<String> arcs() {
        List<String> arcs = new ArrayList<>();
        RING.ownership().forEach((node, ranges) -> ranges.forEach(range ->
                arcs.add(range.end() + " " + node.value())));
        return arcs;
    }

    @Test
    void placesEveryKeyWhereTheStoreDoes() {
        KeysOwnedElsewhere keys = new KeysOwnedElsewhere(arcs());
        for (int i = 1; i <= 5_000; i++) {
            String key = "bench-fill-1-" + i;
            assertThat(keys.owner(key)).as(key).isEqualTo(RING.primaryFor(key.getBytes(StandardCharsets.UTF_8))
                    .value());
        }
    }

    @Test
    void printsTheFirstKeysTheNodeDoesNotOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new KeysOwnedElsewhere(arcs()).print("kv-1", "bench-remote-", 1_000,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        List<String> expected = new ArrayList<>();
        for (int i = 1; expected.size() < 1_000; i++) {
            String key = "bench-remote-" + i;
            if (!RING.primaryFor(key.getBytes(StandardCharsets.UTF_8)).equals(NodeId.of("kv-1"))) {
                expected.add(key);
            }
        }
        assertThat(printed).isEqualTo(expected);
    }
}
