package io.practicalsystems.feed.cache;

/**
 * The Redis keys of the feed's cache tiers, all under one prefix ({@code feed:} in production, a prefix of its own per
 * test). Every key is bounded — a cap or a TTL — and can be rebuilt from the documents; see docs/feed.md.
 */
public record FeedKeys(String prefix) {

    /** Feed tier: a user's pushed home feed (sorted set, capped). */
    public String home(long userId) {
        return prefix + "home:" + userId;
    }

    /** Feed tier: an author's recent PULL posts, merged into their followers' timelines at read time. */
    public String pulled(long authorId) {
        return prefix + "pull:" + authorId;
    }

    /** Social graph tier: the authors who ever published a PULL post (the only ones a read merges). */
    public String pullAuthors() {
        return prefix + "pull-authors";
    }

    /** Content tier: one post's body and metadata (hash), or a tombstone once deleted. */
    public String post(long postId) {
        return prefix + "post:" + postId;
    }

    /** Social graph tier: who follows the user. */
    public String followers(long userId) {
        return prefix + "followers:" + userId;
    }

    /** Social graph tier: whom the user follows. */
    public String following(long userId) {
        return prefix + "following:" + userId;
    }

    /** Social graph tier: whom the user blocked. */
    public String blocks(long userId) {
        return prefix + "blocks:" + userId;
    }

    /** Actions tier: who liked the post. */
    public String likes(long postId) {
        return prefix + "likes:" + postId;
    }

    /** Actions tier: the post's comment IDs. */
    public String comments(long postId) {
        return prefix + "comments:" + postId;
    }

    /** Actions tier: the IDs of the reposts of the post. */
    public String shares(long postId) {
        return prefix + "shares:" + postId;
    }

    /** Counters tier: a post's likes, comments and shares. */
    public String postCounts(long postId) {
        return prefix + "counts:post:" + postId;
    }

    /** Counters tier: a user's followers, following and blocks counts. */
    public String userCounts(long userId) {
        return prefix + "counts:user:" + userId;
    }

    /** When the user last read their home timeline (epoch ms); expires with the inactivity window. */
    public String lastRead(long userId) {
        return prefix + "active:" + userId;
    }

    /** A set being filled from the documents before it replaces a cold cached set. */
    public String staging(String token) {
        return prefix + "staging:" + token;
    }

    /**
     * A random value that lives from the first load of the cached set {@code setKey} until Redis loses it (flush,
     * expiry): set-load.lua installs only copies read while it stayed the same.
     */
    public String loadGeneration(String setKey) {
        return prefix + "generation:" + setKey;
    }

    /** The pub/sub channel new timeline items are announced on, to every server. */
    public String liveChannel() {
        return prefix + "live";
    }
}
