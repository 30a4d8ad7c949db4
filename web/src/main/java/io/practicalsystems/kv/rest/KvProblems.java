package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvUnavailableException;
import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.node.ForwardingFailedException;
import io.practicalsystems.kv.peer.server.PeerRefusedException;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import io.practicalsystems.kv.storage.StoreFailedException;
import io.practicalsystems.platform.problem.Incidents;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/** problem+json for the KV store's failures: for failed futures ({@link #of}) and for its exception mappers. */
public final class KvProblems {

    private KvProblems() {
    }

    /** The response for a failed read or write future. */
    static Response of(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof QuorumNotReachedException q) {
            return quorum(q);
        }
        if (cause instanceof ForwardingFailedException f) {
            return Problems.problem(503, "kv-coordinator-unreachable", "Coordinator unreachable",
                    "the write was forwarded to coordinator " + f.coordinator().value() + ", which did not answer:"
                            + " its outcome is unknown, it may or may not have been applied",
                    Map.of("coordinator", f.coordinator().value())).build();
        }
        if (cause instanceof KvUnavailableException u) {
            return unavailable(u);
        }
        if (cause instanceof ObjectLimitExceededException limit) {
            return objectLimit(limit);
        }
        if (cause instanceof StoreFailedException) {
            return unavailable(new KvUnavailableException("this node's store failed and is being reopened; "
                    + "retry shortly"));
        }
        return Problems.response(Incidents.record(cause, "key-value request")).build();
    }

    static Response quorum(QuorumNotReachedException q) {
        return Problems.problem(503, "kv-quorum-not-reached", "Quorum not reached", q.getMessage(),
                Map.of("operation", q.operation(), "needed", q.needed(), "answered", q.answered(),
                        "contacted", q.contacted(), "failedNodes",
                        q.failedNodes().stream().map(NodeId::value).collect(Collectors.joining(","))))
                .header("Retry-After", 1).build();
    }

    /**
     * 413 when the key would hold too many bytes, 409 when too many siblings: the limit, and how to get below it —
     * resolve the siblings (a write with a read's context replaces every value that read returned).
     */
    static Response objectLimit(ObjectLimitExceededException e) {
        boolean bytes = e.limit() == ObjectLimitExceededException.Limit.BYTES;
        String setting = bytes ? "ps.kv.max-object-bytes" : "ps.kv.max-siblings";
        String detail = "key '" + e.key() + "' would hold " + e.actual() + (bytes ? " bytes of values" : " siblings")
                + ", at most " + e.allowed() + " are allowed (" + setting + "). Nothing was written. Resolve the "
                + "siblings: read the key, merge its values, and write the result with that read's X-Causal-Context "
                + "(it replaces every value the read returned)" + (bytes ? ", or write a smaller value" : "") + ".";
        return Problems.problem(bytes ? 413 : 409, bytes ? "kv-object-too-large" : "kv-too-many-siblings",
                bytes ? "Key would hold too many bytes" : "Key would hold too many siblings", detail,
                Map.of("key", e.key(), "limit", setting, "allowed", e.allowed(), "actual", e.actual())).build();
    }

    static Response unavailable(KvUnavailableException u) {
        return Problems.problem(503, "kv-unavailable", "Key-value store unavailable", u.getMessage(), Map.of())
                .header("Retry-After", 5).build();
    }

    static Response refused(PeerRefusedException e) {
        return Problems.of(e.status(), "kv-internal-refused", "Node-to-node call refused", e.getMessage());
    }
}
