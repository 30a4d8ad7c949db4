/**
 * The key-value store over HTTP and WebSocket: the client API under {@code /api/kv}, the cluster view, node-to-node
 * calls, readiness and problem+json.
 */
package io.practicalsystems.kv.rest;
