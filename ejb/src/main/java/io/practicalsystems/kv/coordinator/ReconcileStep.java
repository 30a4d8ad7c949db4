package io.practicalsystems.kv.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 4: merge the replicas' answers into one value and find the replicas that are behind it.
 *
 * <p>Pure: no I/O, same answers in, same result out — which is why it is a step of its own (Voldemort's
 * {@code ReadRepairer.getRepairs}). A replica is stale when it answered "missing" while others had the key, or
 * when its value does not {@linkplain Reconciler#covers cover} the merge. The merge, not any single replica's
 * value, is what repairs send, so a replica that held one of two concurrent siblings receives the other.
 */
public final class ReconcileStep<V> {

    private final Reconciler<V> reconciler;

    public ReconcileStep(Reconciler<V> reconciler) {
        this.reconciler = reconciler;
    }

    public Reconciliation<V> reconcile(List<NodeResponse<V>> responses) {
        List<V> present = responses.stream().flatMap(response -> response.value().stream()).toList();
        if (present.isEmpty()) {
            return new Reconciliation<>(Optional.empty(), List.of());
        }
        V merged = reconciler.merge(present);
        List<Repair<V>> repairs = new ArrayList<>();
        for (NodeResponse<V> response : responses) {
            boolean upToDate = response.value().map(value -> reconciler.covers(value, merged)).orElse(false);
            if (!upToDate) {
                repairs.add(new Repair<>(response.node(), merged));
            }
        }
        return new Reconciliation<>(Optional.of(merged), repairs);
    }

    /** Only the repairs: the replicas to update and with what. */
    public List<Repair<V>> getRepairs(List<NodeResponse<V>> responses) {
        return reconcile(responses).repairs();
    }
}
