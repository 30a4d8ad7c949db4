package io.practicalsystems.feed.account;

import java.util.Optional;

/**
 * Looks feed users up by handle (case-insensitive) or by ID. The accounts themselves (sign-up, password hashes,
 * sessions) live behind this in {@code io.practicalsystems.feed.account}; the social graph, posts and timelines only
 * need to resolve who someone is.
 */
public interface AccountDirectory {

    Optional<Account> byHandle(String handle);

    Optional<Account> byId(long id);
}
