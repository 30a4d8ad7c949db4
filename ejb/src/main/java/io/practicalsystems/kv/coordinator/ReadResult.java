package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * A read reached its quorum.
 *
 * @param value      the reconciled value of the first R answers (siblings included); empty if none had the key
 * @param answeredBy the R replicas whose answers were reconciled, in arrival order
 */
public record ReadResult<V>(Optional<V> value, List<NodeId> answeredBy) {

    public ReadResult {
        answeredBy = List.copyOf(answeredBy);
    }
}
