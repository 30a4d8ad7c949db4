/** The feed's documents (follows, blocks, posts, likes, comments) in the document store, through Jakarta NoSQL. */
package io.practicalsystems.feed.store;
