/**
 * The key-value node as a service: settings, start-up and cluster join, and node-to-node transports over HTTP and
 * WebSocket.
 */
package io.practicalsystems.kv.application;
