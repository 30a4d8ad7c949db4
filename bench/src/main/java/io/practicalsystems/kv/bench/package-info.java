/** The key-value store's load tools for bench/kv-load.sh: which keys cross a peer hop from the loaded node. */
package io.practicalsystems.kv.bench;
