/** The calling side of the KV peer protocol: a node's calls to its peers over WebSocket links and HTTP. */
package io.practicalsystems.kv.peer.client;
