package io.practicalsystems.feed.account;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;

/**
 * One feed user in the document store (collection {@value #COLLECTION}). The id is the lower-case handle: the store
 * refuses a second document with the same id, which is what makes a handle unique even when two sign-ups for it race
 * (on two servers). {@code userId} comes from the ID generator; {@code passwordHash} is an Argon2id hash in its
 * self-describing {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} form; {@code createdAt} is epoch milliseconds.
 */
@Entity(AccountDocument.COLLECTION)
public record AccountDocument(@Id String handle, @Column long userId, @Column String displayName,
                              @Column String passwordHash, @Column long createdAt) {

    public static final String COLLECTION = "feed_accounts";

    /** What the rest of the feed sees: everything but the password hash. */
    public Account account() {
        return new Account(userId, handle, displayName, Instant.ofEpochMilli(createdAt));
    }

    @Override
    public String toString() {
        return "AccountDocument[handle=" + handle + ", userId=" + userId + "]"; // never the hash
    }
}
