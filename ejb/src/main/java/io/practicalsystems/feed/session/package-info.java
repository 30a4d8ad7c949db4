/** Feed log-in sessions: the RS256 key pair (generated at first start or configured) and the JWTs signed with it. */
package io.practicalsystems.feed.session;
