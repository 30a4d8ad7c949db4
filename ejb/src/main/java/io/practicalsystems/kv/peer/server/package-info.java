/**
 * The answering side of the KV peer protocol: one handler ({@link io.practicalsystems.kv.peer.server.PeerServer})
 * that both transports' endpoints (web module: {@code KvInternalResource} for HTTP, {@code KvPeerEndpoint} for
 * WebSocket) authenticate through and delegate to.
 */
package io.practicalsystems.kv.peer.server;
