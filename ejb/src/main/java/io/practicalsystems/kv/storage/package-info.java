/**
 * One node's durable replica store: sibling sets keyed by ring position in an MVStore file, a write-ahead log, and
 * limits.
 */
package io.practicalsystems.kv.storage;
