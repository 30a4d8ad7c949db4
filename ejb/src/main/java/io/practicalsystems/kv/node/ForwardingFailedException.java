package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;

/**
 * A write was forwarded to a coordinator that did not answer: the write may or may not have happened (the REST layer
 * answers 503; a client retrying it may create a sibling of the same value).
 */
public class ForwardingFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final NodeId coordinator;

    public ForwardingFailedException(NodeId coordinator, Throwable cause) {
        super("write forwarded to coordinator " + coordinator + " failed; its outcome is unknown: "
                + (cause == null ? "no answer" : cause.getMessage()), cause);
        this.coordinator = coordinator;
    }

    public NodeId coordinator() {
        return coordinator;
    }
}
