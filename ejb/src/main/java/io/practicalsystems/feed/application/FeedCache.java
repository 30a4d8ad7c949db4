package io.practicalsystems.feed.application;

import io.practicalsystems.feed.cache.CachedSets;
import io.practicalsystems.feed.cache.CappedFeeds;
import io.practicalsystems.feed.cache.FeedKeys;
import io.practicalsystems.feed.cache.PageReads;
import io.practicalsystems.feed.cache.PostContent;
import io.practicalsystems.feed.cache.TimelineSources;
import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.post.Post;
import io.practicalsystems.feed.store.GraphStore;
import io.practicalsystems.feed.store.PostStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The five Redis tiers wired to the documents they are rebuilt from: every cached set, feed and post here knows how
 * to reload itself when Redis lost it. Services go through this, never to Redis keys directly.
 */
@ApplicationScoped
public class FeedCache {

    public static final String KEY_PREFIX = "feed:";
    private static final int LAST_READ_CHUNK = 1000;

    @Inject
    UnifiedJedis redis;

    @Inject
    FeedSettings settings;

    @Inject
    GraphStore graph;

    @Inject
    PostStore posts;

    private FeedKeys keys;
    private CachedSets sets;
    private CappedFeeds feeds;
    private PostContent content;
    private PageReads pageReads;
    private TimelineSources sources;

    @PostConstruct
    void init() {
        keys = new FeedKeys(KEY_PREFIX);
        sets = new CachedSets(redis, keys, settings.cacheTtlSeconds());
        feeds = new CappedFeeds(redis, settings.feedCap(), settings.cacheTtlSeconds());
        content = new PostContent(redis, keys, settings.contentTtlSeconds());
        pageReads = new PageReads(redis, keys);
        sources = new TimelineSources(redis, keys, feeds);
    }

    public FeedKeys keys() {
        return keys;
    }

    public CachedSets sets() {
        return sets;
    }

    public CappedFeeds feeds() {
        return feeds;
    }

    public CachedSets.Ref followers(long userId) {
        return new CachedSets.Ref(keys.followers(userId), keys.userCounts(userId), "followers",
                () -> graph.followersOf(userId));
    }

    public CachedSets.Ref following(long userId) {
        return new CachedSets.Ref(keys.following(userId), keys.userCounts(userId), "following",
                () -> graph.followingOf(userId));
    }

    public CachedSets.Ref blocks(long userId) {
        return new CachedSets.Ref(keys.blocks(userId), keys.userCounts(userId), "blocks",
                () -> graph.blockedBy(userId));
    }

    public CachedSets.Ref likes(long postId) {
        return new CachedSets.Ref(keys.likes(postId), keys.postCounts(postId), "likes", () -> posts.likersOf(postId));
    }

    public CachedSets.Ref comments(long postId) {
        return new CachedSets.Ref(keys.comments(postId), keys.postCounts(postId), "comments",
                () -> posts.commentIdsOf(postId));
    }

    public CachedSets.Ref shares(long postId) {
        return new CachedSets.Ref(keys.shares(postId), keys.postCounts(postId), "shares",
                () -> posts.sharesOf(postId));
    }

    public CachedSets.Ref pullAuthors() {
        return new CachedSets.Ref(keys.pullAuthors(), keys.pullAuthors() + ":count", "authors", posts::pullAuthors);
    }

    /** An author's recent PULL posts, newest first (rebuilt from the documents when Redis lost them). */
    public List<Long> pulledPosts(long authorId) {
        return feeds.read(keys.pulled(authorId), false, () -> posts.byAuthor(authorId, DeliveryMode.PULL, null,
                feeds.cap()).stream().map(Post::id).toList());
    }

    /** A post just published as PULL: into its author's pulled list (if cached) and the set of PULL authors. */
    public void addPulled(Post post) {
        feeds.addToEach(List.of(keys.pulled(post.authorId())), post.id());
        sets.add(pullAuthors(), post.authorId());
    }

    public Optional<Post> post(long postId) {
        return content.get(postId, posts::find);
    }

    public Map<Long, Post> posts(List<Long> postIds) {
        return content.getAll(postIds, posts::find);
    }

    public PostContent content() {
        return content;
    }

    /** A page's posts with everything shown about them, in one round trip (what Redis lacks left out). */
    public Map<Long, PageReads.Entry> readPage(List<Long> postIds, long readerId) {
        return pageReads.read(postIds, readerId);
    }

    /** The post from a content hash Redis answered; read from the documents (and cached) when it lacks it. */
    public Optional<Post> postFrom(long postId, Map<String, String> hash) {
        return content.fromHash(postId, hash, posts::find);
    }

    /** When each user last read their home timeline; {@link Long#MIN_VALUE} for never (or not within the window). */
    public List<Long> lastReads(List<Long> userIds) {
        List<Response<List<String>>> replies = new ArrayList<>();
        try (AbstractPipeline pipe = redis.pipelined()) { // MGET in chunks: one command per chunk, not per user
            for (int from = 0; from < userIds.size(); from += LAST_READ_CHUNK) {
                List<Long> chunk = userIds.subList(from, Math.min(userIds.size(), from + LAST_READ_CHUNK));
                replies.add(pipe.mget(chunk.stream().map(keys::lastRead).toArray(String[]::new)));
            }
            pipe.sync();
        }
        List<Long> times = new ArrayList<>(userIds.size());
        for (Response<List<String>> reply : replies) {
            for (String value : reply.get()) {
                times.add(value == null ? Long.MIN_VALUE : Long.parseLong(value));
            }
        }
        return times;
    }

    /**
     * What {@code readerId}'s timeline merges at {@code nowMillis}, in one round trip, with the read recorded if the
     * reader last read at or after {@code activeSince} (see {@link TimelineSources}).
     */
    public TimelineSources.Read timelineSources(long readerId, long nowMillis, long activeSince, int homeCount) {
        return sources.read(readerId, nowMillis, activeSince, lastReadTtlMillis(), homeCount);
    }

    /**
     * Records a home-timeline read. The entry expires with the inactivity window: Redis losing it only makes the
     * user look inactive, which costs one rebuild at their next read and never a lost post.
     */
    public void recordRead(long userId, long nowMillis) {
        redis.set(keys.lastRead(userId), Long.toString(nowMillis), SetParams.setParams().px(lastReadTtlMillis()));
    }

    private long lastReadTtlMillis() {
        return Math.max(1, settings.fanout().inactiveAfterMillis());
    }

    /** A pipeline to queue several tiers' commands on (the {@code …In} methods): one round trip for all of them. */
    public AbstractPipeline pipelined() {
        return redis.pipelined();
    }

    /** The home-feed keys of these users. */
    public List<String> homeKeys(Collection<Long> userIds) {
        return userIds.stream().map(keys::home).toList();
    }
}
