/** The feed's application services: social graph, posts and actions, timelines, fanout over JMS. */
package io.practicalsystems.feed.application;
