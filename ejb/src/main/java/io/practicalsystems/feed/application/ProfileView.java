package io.practicalsystems.feed.application;

import io.practicalsystems.feed.account.Account;

/** A user's profile as a viewer sees it; the {@code …ByMe} flags are false for an anonymous viewer. */
public record ProfileView(Account account, long followers, long following, long posts, boolean followedByMe,
                          boolean blockedByMe) {
}
