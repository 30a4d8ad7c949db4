/** Home feeds (capped, newest first) and the read-time merge of a pushed feed with celebrities' posts, by cursor. */
package io.practicalsystems.feed.timeline;
