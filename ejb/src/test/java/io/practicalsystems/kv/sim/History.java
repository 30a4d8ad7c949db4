package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayList;
import java.util.List;

/** Every client operation of a run, in invocation order. */
public final class History {

    private final List<Op> ops = new ArrayList<>();
    private final List<String> nemesis = new ArrayList<>();

    Op invoke(int client, Op.Kind kind, String key, NodeId via, long at, CausalContext context, String value,
            int quorum) {
        Op op = new Op(ops.size(), client, kind, key, via, at, context, value, quorum);
        ops.add(op);
        return op;
    }

    void nemesis(long at, String event) {
        nemesis.add(at + " ms: " + event);
    }

    public List<Op> ops() {
        return List.copyOf(ops);
    }

    public List<String> nemesisLog() {
        return List.copyOf(nemesis);
    }

    public long count(Op.Kind kind, Op.Outcome outcome) {
        return ops.stream().filter(op -> op.kind == kind && op.outcome == outcome).count();
    }
}
