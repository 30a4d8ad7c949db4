/** Posts from external producers: queue {@code feed.posts}, each message signed in by its author's feed token. */
package io.practicalsystems.feed.external;
