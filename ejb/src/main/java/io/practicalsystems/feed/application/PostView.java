package io.practicalsystems.feed.application;

import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.post.Post;

/**
 * A post as a reader sees it: the author's account, its counters, whether the reader liked it, and the post it
 * reposts ({@code sharedFrom}: null when none, or when that post was deleted).
 */
public record PostView(Post post, Account author, long likes, long comments, long shares, boolean likedByMe,
                       Shared sharedFrom) {

    /** The reposted post, briefly. */
    public record Shared(Post post, Account author) {
    }
}
