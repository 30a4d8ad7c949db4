/** Hybrid push/pull fanout: which followers a new post is pushed to, which authors are celebrities, and batching. */
package io.practicalsystems.feed.fanout;
