package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Coordinator;
import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.ReadPlan;
import io.practicalsystems.kv.coordinator.ReadResult;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client read, coordinated where it arrives: its own copy asked first, R answers merged, read repair in the
 * background.
 */
final class ClientReadPath {

    private final NodeContext node;
    private final VersionReconciler reconciler = new VersionReconciler();
    private final ReadPlan readPlan;

    ClientReadPath(NodeContext node) {
        this.node = node;
        this.readPlan = new ReadPlan(node.config().readFanout(), Optional.of(node.self()),
                (delay, task) -> node.scheduler().schedule(delay, () -> {
                    node.counters().increment(NodeCounters.SPECULATIVE_READS);
                    task.run();
                })::cancel);
    }

    CompletableFuture<ClientReadResult> read(String key, RequestOverrides overrides) {
        try {
            HashRing ring = node.membership().ring();
            QuorumConfig quorum = ReplicaSets.forRequest(node.config().quorum(), overrides, ring, "read");
            Coordinator<DottedVersionVectorSet<Blob>> coordinator = new Coordinator<>(() -> ring, quorum,
                    node.membership()::isReachable, node.replicas(), reconciler,
                    report -> node.counters().add(NodeCounters.READ_REPAIRS, report.repaired().size()), readPlan);
            return coordinator.get(key, RequestOverrides.none())
                    .thenApply(ClientReadPath::answer);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ClientReadResult answer(ReadResult<DottedVersionVectorSet<Blob>> result) {
        DottedVersionVectorSet<Blob> merged = result.value().orElse(DottedVersionVectorSet.empty());
        int tombstones = (int) merged.values().stream().filter(v -> v.isTombstone()).count();
        CausalContext context = merged.context();
        return new ClientReadResult(merged.liveValues(), tombstones, context, result.answeredBy());
    }
}
