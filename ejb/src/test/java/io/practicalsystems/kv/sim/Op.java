package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import java.util.List;

/**
 * One client operation in the history, Jepsen style: invoked, then ok, fail (definitely not applied) or unknown
 * (timed out or failed in a way that may have applied it).
 */
public final class Op {

    public enum Kind { READ, PUT, DELETE }

    public enum Outcome { PENDING, OK, FAIL, UNKNOWN }

    final int id;
    final int client;
    final Kind kind;
    final String key;
    final NodeId via;
    final long invokedAt;
    final CausalContext sentContext;
    final String value;
    /** The request's R (reads) or W (writes) after overrides. */
    final int quorum;
    long completedAt = -1;
    Outcome outcome = Outcome.PENDING;
    Dot dot;
    CausalContext resultContext;
    List<String> readValues = List.of();
    String error;

    Op(int id, int client, Kind kind, String key, NodeId via, long invokedAt, CausalContext sentContext,
            String value, int quorum) {
        this.id = id;
        this.client = client;
        this.kind = kind;
        this.key = key;
        this.via = via;
        this.invokedAt = invokedAt;
        this.sentContext = sentContext;
        this.value = value;
        this.quorum = quorum;
    }

    boolean isWrite() {
        return kind != Kind.READ;
    }

    @Override
    public String toString() {
        return "op " + id + " client " + client + " " + kind + (isWrite() ? " W=" : " R=") + quorum + " " + key
                + (value == null ? "" : "='" + value + "'") + " via " + via + " ctx " + sentContext
                + " [" + invokedAt + ".." + completedAt + " ms] " + outcome
                + (dot == null ? "" : " dot " + dot) + (kind == Kind.READ && outcome == Outcome.OK
                        ? " read " + readValues + " ctx " + resultContext : "")
                + (error == null ? "" : " (" + error + ")");
    }
}
