package io.practicalsystems.kv.coordinator;

/** Which nodes a request may use when some of a key's N preferred nodes are down. */
public enum QuorumMode {

    /**
     * Only the key's N preferred nodes count: with more than N - W of them down, writes fail (503). Reads and writes
     * then always overlap when R + W > N.
     */
    STRICT,

    /**
     * Dynamo's sloppy quorum: a down preferred node is replaced by the next healthy node clockwise, which keeps the
     * write as a hint. Writes stay available through failures, at the price that R + W > N no longer guarantees
     * the read sees the write until the hint is handed off.
     */
    SLOPPY
}
