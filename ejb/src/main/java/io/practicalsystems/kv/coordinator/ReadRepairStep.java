package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Step 5: send the reconciled value to the stale replicas, without the client waiting.
 *
 * <p>Fire-and-forget: the returned future never fails and nobody has to wait for it; a failed repair is only
 * counted, since the next read or anti-entropy (Merkle trees) will find the same replica stale again. A stale
 * stand-in is repaired as a stand-in (with its hint target), so repair never makes a node a permanent owner of a
 * key it does not own.
 */
public final class ReadRepairStep<V> {

    private final ReplicaClient<V> replicas;

    public ReadRepairStep(ReplicaClient<V> replicas) {
        this.replicas = replicas;
    }

    public CompletableFuture<RepairReport> repair(String key, List<Repair<V>> repairs) {
        return repair(key, repairs, List.of());
    }

    /** @param placements the read's placements, so stand-ins keep their hint target; may be empty */
    public CompletableFuture<RepairReport> repair(String key, List<Repair<V>> repairs, List<Placement> placements) {
        Map<NodeId, Optional<NodeId>> hintFor = placements.stream()
                .collect(Collectors.toMap(Placement::node, Placement::hintFor, (a, b) -> a));
        List<CompletableFuture<Boolean>> sent = new ArrayList<>(repairs.size());
        for (Repair<V> repair : repairs) {
            Optional<NodeId> hint = hintFor.getOrDefault(repair.node(), Optional.empty());
            sent.add(Futures.safely(() -> replicas.put(repair.node(), key, repair.value(), hint))
                    .handle((ok, error) -> error == null));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<NodeId> repaired = new ArrayList<>();
            List<NodeId> failed = new ArrayList<>();
            for (int i = 0; i < repairs.size(); i++) {
                (sent.get(i).join() ? repaired : failed).add(repairs.get(i).node());
            }
            return new RepairReport(repaired, failed);
        });
    }
}
