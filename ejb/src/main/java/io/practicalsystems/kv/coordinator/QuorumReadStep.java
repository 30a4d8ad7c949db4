package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * Step 3: ask every replica for the key and complete at the R-th answer. A replica that has nothing answers
 * "missing", which counts towards R: not knowing a key is an answer, a timeout is not.
 */
public final class QuorumReadStep<V> {

    private final ReplicaClient<V> replicas;

    public QuorumReadStep(ReplicaClient<V> replicas) {
        this.replicas = replicas;
    }

    public ReadRound<V> read(String key, List<NodeId> nodes, int r) {
        QuorumCollector<NodeResponse<V>> answers = new QuorumCollector<>("read", r, nodes.size());
        if (nodes.size() >= r) {
            for (NodeId node : nodes) {
                Futures.safely(() -> replicas.get(node, key)).whenComplete((value, error) -> {
                    if (error == null) {
                        answers.succeeded(new NodeResponse<>(node, value == null ? Optional.empty() : value));
                    } else {
                        answers.failed(node, error);
                    }
                });
            }
        }
        return new ReadRound<>(answers.quorum(), answers.settled());
    }
}
