package io.practicalsystems.kv.peer.server;

import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * How a client write forwarded here ended, for either transport to send back: written, short of its quorum (an
 * answer the forwarding node turns back into {@link QuorumNotReachedException}), refused because the key would pass
 * one of its object limits (turned back into {@link ObjectLimitExceededException}), or failed otherwise.
 *
 * <p>The refusal has a case of its own because it is a definite answer: nothing was stored, and the client must be
 * told which limit and how to resolve it (409/413) — as a plain failure it reached the client as "outcome unknown".
 */
public sealed interface ForwardOutcome {

    record Written(KvWire.WriteResult result) implements ForwardOutcome {
    }

    record NoQuorum(KvWire.QuorumFailure failure) implements ForwardOutcome {
    }

    /** The coordinator refused the write: the key would hold too many bytes (413) or siblings (409). */
    record Refused(KvWire.LimitRefusal refusal) implements ForwardOutcome {

        /** The HTTP status of the answer, the same a client gets from a coordinator that refuses its own write. */
        public int status() {
            return ObjectLimitExceededException.Limit.BYTES.name().equals(refusal.limit()) ? 413 : 409;
        }
    }

    record Failed(Throwable cause) implements ForwardOutcome {
    }

    /** The one of the four functions that fits this outcome, applied to what it carries. */
    default <T> T map(Function<KvWire.WriteResult, T> written, Function<KvWire.QuorumFailure, T> noQuorum,
            Function<Refused, T> refused, Function<Throwable, T> failed) {
        if (this instanceof Written w) {
            return written.apply(w.result());
        }
        if (this instanceof NoQuorum q) {
            return noQuorum.apply(q.failure());
        }
        if (this instanceof Refused r) {
            return refused.apply(r);
        }
        return failed.apply(((Failed) this).cause());
    }

    /** The outcome of a coordinated write's completion ({@code failure} null if it succeeded). */
    static ForwardOutcome of(io.practicalsystems.kv.node.ClientWriteResult result, Throwable failure) {
        if (failure == null) {
            return new Written(KvWire.result(result));
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof QuorumNotReachedException q) {
            return new NoQuorum(KvWire.failure(q));
        }
        if (cause instanceof ObjectLimitExceededException limit) {
            return new Refused(KvWire.refusal(limit));
        }
        return new Failed(cause);
    }
}
