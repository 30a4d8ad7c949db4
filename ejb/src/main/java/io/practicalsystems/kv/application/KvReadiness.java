package io.practicalsystems.kv.application;

/**
 * Whether this server's key-value node can serve requests, and why not.
 *
 * @param up        running, its store open, and its ring has at least N nodes (or the store is disabled)
 * @param status    a sentence for the health check
 * @param ringNodes how many nodes the ring has; -1 when the node is not running
 */
public record KvReadiness(boolean up, String status, int ringNodes) {
}
