package io.practicalsystems.kv.peer.server;

import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.peer.KvWire;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * How a client write forwarded here ended, for either transport to send back: written, short of its quorum (an
 * answer the forwarding node turns back into {@link QuorumNotReachedException}), or failed otherwise.
 */
public sealed interface ForwardOutcome {

    record Written(KvWire.WriteResult result) implements ForwardOutcome {
    }

    record NoQuorum(KvWire.QuorumFailure failure) implements ForwardOutcome {
    }

    record Failed(Throwable cause) implements ForwardOutcome {
    }

    /** The one of the three functions that fits this outcome, applied to what it carries. */
    default <T> T map(Function<KvWire.WriteResult, T> written, Function<KvWire.QuorumFailure, T> noQuorum,
            Function<Throwable, T> failed) {
        if (this instanceof Written w) {
            return written.apply(w.result());
        }
        if (this instanceof NoQuorum q) {
            return noQuorum.apply(q.failure());
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
        return new Failed(cause);
    }
}
