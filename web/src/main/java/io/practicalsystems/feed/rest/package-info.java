/** The news feed's REST API under {@code /api/feed}: accounts and sessions, and who the caller is ({@link io.practicalsystems.feed.rest.FeedCaller}). */
package io.practicalsystems.feed.rest;
