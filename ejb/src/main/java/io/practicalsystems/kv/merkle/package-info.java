/**
 * Anti-entropy: replicas of a key range compare {@link io.practicalsystems.kv.merkle.MerkleTree Merkle trees} of
 * their keys' version digests, descend only where hashes differ, and exchange just the
 * {@link io.practicalsystems.kv.merkle.KeysToExchange keys} of the differing buckets — instead of shipping every key.
 */
package io.practicalsystems.kv.merkle;
