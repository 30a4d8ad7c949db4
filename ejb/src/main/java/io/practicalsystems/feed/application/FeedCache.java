package io.practicalsystems.feed.application;

import io.practicalsystems.feed.cache.CachedSets;
import io.practicalsystems.feed.cache.CappedFeeds;
import io.practicalsystems.feed.cache.FeedKeys;
import io.practicalsystems.feed.cache.PostContent;
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
import java.util.function.Supplier;
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

    @PostConstruct
    void init() {
        keys = new FeedKeys(KEY_PREFIX);
        sets = new CachedSets(redis, keys, settings.cacheTtlSeconds());
        feeds = new CappedFeeds(redis, settings.feedCap(), settings.cacheTtlSeconds());
        content = new PostContent(redis, keys, settings.contentTtlSeconds());
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

    /**
     * The recent PULL posts of each author, queued on {@code pipe}: valid after the pipeline's sync (lists Redis lost
     * are then rebuilt one by one).
     */
    public Supplier<List<List<Long>>> pulledPostsOfEachIn(AbstractPipeline pipe, List<Long> authorIds) {
        List<Supplier<Optional<List<Long>>>> cached = new ArrayList<>(authorIds.size());
        for (long author : authorIds) {
            cached.add(feeds.readIfCompleteIn(pipe, keys.pulled(author)));
        }
        return () -> {
            List<List<Long>> lists = new ArrayList<>(authorIds.size());
            for (int i = 0; i < authorIds.size(); i++) {
                long author = authorIds.get(i);
                lists.add(cached.get(i).get().orElseGet(() -> pulledPosts(author)));
            }
            return lists;
        };
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

    /** When the user last read their home timeline (as in {@link #lastReads}), queued on {@code pipe}. */
    public Supplier<Long> lastReadIn(AbstractPipeline pipe, long userId) {
        Response<String> reply = pipe.get(keys.lastRead(userId));
        return () -> reply.get() == null ? Long.MIN_VALUE : Long.parseLong(reply.get());
    }

    /**
     * Records a home-timeline read, queued on {@code pipe}. The entry expires with the inactivity window: Redis
     * losing it only makes the user look inactive, which costs one rebuild at their next read and never a lost post.
     */
    public void recordReadIn(AbstractPipeline pipe, long userId, long nowMillis) {
        pipe.set(keys.lastRead(userId), Long.toString(nowMillis),
                SetParams.setParams().px(Math.max(1, settings.fanout().inactiveAfterMillis())));
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
