/** The news feed's load tools for bench/feed-load.sh: seeding a big follower graph, the Redis floor, fanout timing. */
package io.practicalsystems.feed.bench;
