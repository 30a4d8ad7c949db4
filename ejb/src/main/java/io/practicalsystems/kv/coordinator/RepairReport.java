package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;

/** How a round of read repair went; for metrics and tests, never for the client's answer. */
public record RepairReport(List<NodeId> repaired, List<NodeId> failed) {

    public RepairReport {
        repaired = List.copyOf(repaired);
        failed = List.copyOf(failed);
    }
}
