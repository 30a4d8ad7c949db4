package io.practicalsystems.feed.account;

import java.time.Instant;

/** A feed user as the rest of the feed sees one: never the password hash. {@code handle} is stored lower-case. */
public record Account(long id, String handle, String displayName, Instant createdAt) {
}
