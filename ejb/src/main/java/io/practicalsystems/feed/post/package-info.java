/** Posts and comments as plain values, and the rules for their text. */
package io.practicalsystems.feed.post;
