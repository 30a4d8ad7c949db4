package io.practicalsystems.kv.version;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.ReplicaSimulation.Push;
import io.practicalsystems.kv.version.ReplicaSimulation.Read;
import io.practicalsystems.kv.version.ReplicaSimulation.Step;
import io.practicalsystems.kv.version.ReplicaSimulation.Write;
import io.practicalsystems.testsupport.Gens;
import java.util.Map;
import java.util.TreeMap;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for the version types, shared by this package's property tests (and kv.storage's). */
public final class VersionGens {

    /** The few nodes vectors are drawn over, so that random vectors often share nodes and order each other. */
    static final String[] FEW_NODES = {"a", "b", "c", "d"};

    private VersionGens() {
    }

    /** Node IDs of any length allowed, from characters a node address can hold. */
    public static Gen<String> nodeNames() {
        return Gens.stringsOf("abcXYZ019._:-", 1, NodeId.MAX_LENGTH);
    }

    static Gen<NodeId> fewNodes() {
        return arbitrary().pick(FEW_NODES).map(NodeId::of);
    }

    /** Vectors over {@link #FEW_NODES} with counters 1..4; each node absent (counter 0) or present. */
    static Gen<VersionVector> vectors() {
        Gen<Integer> counter = integers().between(0, 4);
        return counter.zip(counter, counter, counter, (a, b, c, d) -> {
            Map<NodeId, Long> counters = new TreeMap<>();
            int[] values = {a, b, c, d};
            for (int i = 0; i < FEW_NODES.length; i++) {
                if (values[i] > 0) {
                    counters.put(NodeId.of(FEW_NODES[i]), (long) values[i]);
                }
            }
            return VersionVector.of(counters);
        });
    }

    /** Up to 30 steps of reads, writes and pushes among {@link ReplicaSimulation}'s replicas and clients, replayed. */
    static Gen<ReplicaSimulation> histories() {
        Gen<Integer> replica = integers().between(0, ReplicaSimulation.REPLICAS - 1);
        Gen<Integer> client = integers().between(0, ReplicaSimulation.CLIENTS - 1);
        Gen<Step> read = client.zip(replica, Read::new);
        Gen<Step> write = client.zip(replica, arbitrary().pick(false, false, false, true), Write::new);
        Gen<Step> push = replica.zip(replica, Push::new);
        Gen<Step> step = Generate.frequency(Pair.of(3, read), Pair.of(3, write), Pair.of(2, push));
        return Gens.listsOf(step, 0, 30).map(ReplicaSimulation::run);
    }
}
