package io.practicalsystems.kv.coordinator;

import java.util.List;

/**
 * How replicas' versioned values combine; implemented over dotted version vectors by {@code kv.version}.
 *
 * <p>The coordinator only needs two questions answered, so it does not depend on any version representation.
 *
 * @param <V> the versioned value
 */
public interface Reconciler<V> {

    /**
     * One value that contains everything in {@code values}: values one of which descends from another collapse to
     * the newer, concurrent ones are kept side by side as siblings. Must be commutative and idempotent, since
     * replicas answer in any order and may answer with the same value.
     *
     * @param values at least one
     */
    V merge(List<V> values);

    /**
     * True when {@code replicaValue} already reflects everything in {@code merged} (the replica is up to date and
     * needs no read repair); false when {@code merged} has something the replica lacks.
     */
    boolean covers(V replicaValue, V merged);
}
