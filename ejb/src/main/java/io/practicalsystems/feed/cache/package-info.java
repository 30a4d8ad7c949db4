/** The feed's five Redis cache tiers over the documents: feeds, content, social graph, actions, counters. */
package io.practicalsystems.feed.cache;
