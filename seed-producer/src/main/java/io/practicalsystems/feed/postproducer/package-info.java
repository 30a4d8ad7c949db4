/**
 * The feed post producer: the seed-producer application client's {@code post} command ({@code bin/feed-post.sh}),
 * which sends posts to queue {@code feed.posts}, each signed in by its author's feed token.
 */
package io.practicalsystems.feed.postproducer;
