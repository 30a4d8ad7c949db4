/**
 * The key-value node as a service: settings, start-up and cluster join; the node-to-node protocol it runs is in
 * {@code kv.peer}.
 */
package io.practicalsystems.kv.application;
