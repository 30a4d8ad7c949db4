package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The textbook alternative to dotted version vector sets, kept only to show what it gets wrong: one version vector
 * per stored value, server-side (per-node) IDs, and "discard whatever the new clock descends from".
 *
 * <p>Either way of clocking a write loses one of two writes made with the same context on the same coordinator.
 */
final class NaiveVectorClockStore<V> {

    /** How the coordinator clocks a new write. */
    enum Clocking {
        /** Dynamo's rule: increment the coordinator's entry in the client's context — both writes get the same clock. */
        INCREMENT_CLIENT_CONTEXT,
        /** Count on from what the coordinator stores — the second write's clock dominates the first's. */
        INCREMENT_STORED_CLOCK
    }

    record Version<V>(VersionVector clock, V value) {
    }

    private final Clocking clocking;
    private final List<Version<V>> versions = new ArrayList<>();

    NaiveVectorClockStore(Clocking clocking) {
        this.clocking = clocking;
    }

    /** What a read returns as context: the merge of every stored clock. */
    VersionVector context() {
        VersionVector merged = VersionVector.empty();
        for (Version<V> version : versions) {
            merged = merged.merge(version.clock());
        }
        return merged;
    }

    List<V> values() {
        return versions.stream().map(Version::value).toList();
    }

    void write(VersionVector clientContext, V value, NodeId coordinator) {
        VersionVector base = clocking == Clocking.INCREMENT_CLIENT_CONTEXT ? clientContext
                : clientContext.merge(context());
        VersionVector clock = base.increment(coordinator, Instant.EPOCH);
        if (versions.stream().anyMatch(v -> v.clock().dominates(clock))) {
            return; // an older write arriving late
        }
        // Equal clocks are taken to be the same write; descended-from clocks are taken to be overwritten.
        versions.removeIf(v -> clock.descends(v.clock()));
        versions.add(new Version<>(clock, value));
    }
}
