package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a random history against a few replicas of one key: clients read a context from some replica and later
 * write (or delete) through some possibly different replica with that — by then maybe stale — context; replicas push
 * their copies to each other in arbitrary order. Every write is recorded with its dot and the context it carried.
 */
final class ReplicaSimulation {

    static final int REPLICAS = 3;
    static final int CLIENTS = 3;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    sealed interface Step permits Read, Write, Push {
    }

    record Read(int client, int replica) implements Step {
    }

    record Write(int client, int replica, boolean delete) implements Step {
    }

    /** Replica {@code to} receives a copy of replica {@code from} (read repair, handoff or anti-entropy). */
    record Push(int from, int to) implements Step {
    }

    record WriteEvent(Dot dot, CausalContext context) {
    }

    final List<DottedVersionVectorSet<String>> replicas = new ArrayList<>();
    final List<WriteEvent> writes = new ArrayList<>();
    private final Map<Integer, CausalContext> clientContexts = new HashMap<>();
    private final List<Step> steps;

    private ReplicaSimulation(List<Step> steps) {
        this.steps = steps;
        for (int i = 0; i < REPLICAS; i++) {
            replicas.add(DottedVersionVectorSet.empty());
        }
        for (int i = 0; i < steps.size(); i++) {
            apply(steps.get(i), T0.plusSeconds(i));
        }
    }

    static ReplicaSimulation run(List<Step> steps) {
        return new ReplicaSimulation(steps);
    }

    static NodeId node(int replica) {
        return NodeId.of("n" + replica);
    }

    private void apply(Step step, Instant now) {
        if (step instanceof Read read) {
            clientContexts.put(read.client(), replicas.get(read.replica()).context());
        } else if (step instanceof Write write) {
            CausalContext context = clientContexts.getOrDefault(write.client(), CausalContext.empty());
            Versioned<String> value = write.delete() ? Versioned.tombstone(now)
                    : Versioned.of("w" + writes.size() + "-by-c" + write.client(), now);
            DottedVersionVectorSet<String> after = replicas.get(write.replica()).update(context, value,
                    node(write.replica()));
            replicas.set(write.replica(), after);
            writes.add(new WriteEvent(new Dot(node(write.replica()), after.history().counter(node(write.replica()))),
                    context));
        } else if (step instanceof Push push) {
            replicas.set(push.to(), replicas.get(push.to()).sync(replicas.get(push.from())));
        }
    }

    DottedVersionVectorSet<String> allMerged() {
        DottedVersionVectorSet<String> merged = DottedVersionVectorSet.empty();
        for (DottedVersionVectorSet<String> replica : replicas) {
            merged = merged.sync(replica);
        }
        return merged;
    }

    @Override
    public String toString() {
        return "steps=" + steps + " replicas=" + replicas;
    }
}
