package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipWireTest {

    private static GossipEntry entry(String node) {
        return new GossipEntry(node, "http://127.0.0.1:9081", 8, 1, 1, "NORMAL");
    }

    @Test
    void malformedEntriesFailWhileParsing() {
        assertThatThrownBy(() -> new GossipEntry("a#1", "http://x", 8, 1, 1, "NORMAL"))
                .hasMessageStartingWith("node ID must be");
        assertThatThrownBy(() -> new GossipEntry("a", "http://x y", 8, 1, 1, "NORMAL"))
                .hasMessageStartingWith("address must be");
        assertThatThrownBy(() -> new GossipEntry("a", "http://x", 0, 1, 1, "NORMAL"))
                .hasMessage("vnodes must be 1..10000, got 0");
        assertThatThrownBy(() -> new GossipEntry("a", "http://x", 8, -1, 1, "NORMAL"))
                .hasMessage("generation and heartbeat must be >= 0, got -1 and 1");
        assertThatThrownBy(() -> new GossipEntry("a", "http://x", 8, 1, 1, "normal"))
                .hasMessage("status must be one of [NORMAL, LEAVING, LEFT], got normal");
    }

    @Test
    void aMessageCarriesOneEntryPerNode() {
        assertThatThrownBy(() -> new GossipMessage("a", List.of(entry("b"), entry("b"))))
                .hasMessage("a gossip message carries at most one entry per node");
        assertThat(new GossipMessage("a", List.of(entry("a"), entry("b"))).entries()).hasSize(2);
    }

    @Test
    void configRejectsBadSeedsAndVnodes() {
        assertThatThrownBy(() -> GossipConfig.of(NodeId.of("a"), "http://a", 8,
                List.of(" "))).hasMessageStartingWith("address must be");
        assertThatThrownBy(() -> GossipConfig.of(NodeId.of("a"), "http://a", 0,
                List.of())).hasMessage("vnodes must be 1..10000, got 0");
    }
}
