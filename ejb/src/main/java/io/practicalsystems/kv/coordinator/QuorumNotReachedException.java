package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Too few replicas answered for a read or write quorum; the REST layer turns it into 503 with the message.
 *
 * <p>Raised as soon as the quorum became impossible (enough replicas failed), not after waiting for the rest, so
 * {@link #answered()} counts successes up to that moment. For a write, the replicas that did acknowledge keep the
 * value: a failed write may still become visible, as in Dynamo.
 */
public class QuorumNotReachedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int needed;
    private final int answered;
    private final int contacted;
    private final List<NodeId> failedNodes;

    /**
     * @param operation   {@code "read"} or {@code "write"}
     * @param needed      R or W
     * @param answered    replicas that succeeded
     * @param contacted   replicas asked (fewer than N when too few nodes were healthy)
     * @param failedNodes replicas that failed, in the order they failed
     */
    public QuorumNotReachedException(String operation, int needed, int answered, int contacted,
            List<NodeId> failedNodes) {
        super(message(operation, needed, answered, contacted, failedNodes));
        this.operation = operation;
        this.needed = needed;
        this.answered = answered;
        this.contacted = contacted;
        this.failedNodes = List.copyOf(failedNodes);
    }

    private static String message(String operation, int needed, int answered, int contacted, List<NodeId> failed) {
        String failedText = failed.isEmpty() ? "none"
                : failed.stream().map(NodeId::value).collect(Collectors.joining(", "));
        return operation + " quorum not reached: " + answered + " of " + contacted + " replicas answered, " + needed
                + " needed (failed: " + failedText + ")";
    }

    public String operation() {
        return operation;
    }

    public int needed() {
        return needed;
    }

    public int answered() {
        return answered;
    }

    public int contacted() {
        return contacted;
    }

    public List<NodeId> failedNodes() {
        return failedNodes;
    }
}
