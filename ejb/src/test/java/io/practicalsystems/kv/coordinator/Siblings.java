package io.practicalsystems.kv.coordinator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for {@code kv.version}'s values in coordinator tests: a versioned value is the set of writes it has
 * seen, merging is union, and a replica is up to date when it has seen every write of the merge. Concurrent writes
 * end up side by side, like siblings.
 */
final class Siblings implements Reconciler<Set<String>> {

    static Set<String> of(String... writes) {
        return Set.of(writes);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }

    @Override
    public Set<String> merge(List<Set<String>> values) {
        return values.stream().reduce(Set.of(), Siblings::union);
    }

    @Override
    public boolean covers(Set<String> replicaValue, Set<String> merged) {
        return replicaValue.containsAll(merged);
    }
}
