/**
 * The KV peer protocol shared by both ends: frames ({@link io.practicalsystems.kv.peer.PeerFrames}), JSON bodies
 * ({@link io.practicalsystems.kv.peer.KvWire}) and proofs of the cluster secret
 * ({@link io.practicalsystems.kv.peer.PeerKey}); the calling side is in {@code peer.client}, the answering side in
 * {@code peer.server}.
 */
package io.practicalsystems.kv.peer;
