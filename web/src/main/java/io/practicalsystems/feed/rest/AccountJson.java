package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.Account;

/** A user as sign-up answers it: the ID as a decimal string (JavaScript numbers lose 64-bit IDs), times ISO-8601. */
public record AccountJson(String id, String handle, String displayName, String createdAt) {

    public static AccountJson of(Account account) {
        return new AccountJson(Long.toString(account.id()), account.handle(), account.displayName(),
                account.createdAt().toString());
    }
}
