/** Live timeline updates: new items announced over Redis pub/sub to every server, handed to connected readers. */
package io.practicalsystems.feed.live;
