package io.practicalsystems.feed.application;

import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.fanout.FanoutPlanner;
import io.practicalsystems.feed.post.Post;
import io.practicalsystems.feed.store.PostStore;
import io.practicalsystems.feed.timeline.FeedCursor;
import io.practicalsystems.feed.timeline.TimelineMerge;
import io.practicalsystems.feed.timeline.TimelinePage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;

/**
 * Home timelines and users' post lists. A home timeline is the reader's pushed feed merged (k-way, by ID) with the
 * recent PULL posts of each author they follow who ever published one, themselves included; deleted posts and
 * authors either side blocked are skipped. A reader inactive for longer than the window (or whose feed Redis lost)
 * gets the feed rebuilt from the documents first: the PUSH posts of everyone they follow, and their own.
 */
@ApplicationScoped
public class TimelineService {

    @Inject
    FeedCache cache;

    @Inject
    PostStore store;

    @Inject
    FeedSettings settings;

    @Inject
    PostService posts;

    @Inject
    GraphService graph;

    private FanoutPlanner planner;

    @PostConstruct
    void init() {
        planner = new FanoutPlanner(settings.fanout());
    }

    /**
     * The reader's home timeline page. Its fixed reads go in two pipelined round trips: the last-read time, the
     * follow list, the home feed, the PULL authors and the reader's blocks together; then the followed PULL authors'
     * lists with the read recorded. The page's posts and their authors' blocks, then its counters, follow (see
     * {@link Visibility}, {@link PostService#views}).
     */
    public Listing<PostView> home(long readerId, String cursor, int limit) {
        Long after = FeedCursors.decode(FeedCursors.TIMELINE, cursor);
        long now = System.currentTimeMillis();
        String homeKey = cache.keys().home(readerId);
        Supplier<Long> lastRead;
        Supplier<Set<Long>> following;
        Supplier<Optional<List<Long>>> homeFeed;
        Supplier<Set<Long>> pullAuthors;
        Supplier<Set<Long>> blocked;
        Supplier<Boolean> ageing;
        try (AbstractPipeline pipe = cache.pipelined()) {
            lastRead = cache.lastReadIn(pipe, readerId);
            following = cache.sets().membersIn(pipe, cache.following(readerId));
            homeFeed = after == null ? cache.feeds().readNewestIfCompleteIn(pipe, homeKey, firstPageWindow(limit))
                    : cache.feeds().readIfCompleteIn(pipe, homeKey);
            pullAuthors = cache.sets().membersIn(pipe, cache.pullAuthors());
            blocked = cache.sets().membersIn(pipe, cache.blocks(readerId));
            ageing = cache.feeds().ageingIn(pipe, homeKey);
            pipe.sync();
        }
        Set<Long> authors = new LinkedHashSet<>(following.get());
        authors.add(readerId);
        boolean stale = planner.feedNeedsRebuild(lastRead.get(), now);
        List<List<Long>> sources = new ArrayList<>();
        Optional<List<Long>> pushed = stale ? Optional.empty() : homeFeed.get();
        sources.add(pushed.isPresent() ? pushed.get() : cache.feeds().read(homeKey, true, () -> pushedPostsOf(authors)));
        Set<Long> pulling = pullAuthors.get();
        Supplier<List<List<Long>>> pulled;
        try (AbstractPipeline pipe = cache.pipelined()) {
            cache.recordReadIn(pipe, readerId, now); // only after the rebuild: see FanoutPlanner.feedNeedsRebuild
            if (ageing.get()) {
                cache.feeds().keepIn(pipe, homeKey); // a feed that is read stays (pushes do not restart its TTL)
            }
            pulled = cache.pulledPostsOfEachIn(pipe, authors.stream().filter(pulling::contains).toList());
            pipe.sync();
        }
        sources.addAll(pulled.get());
        FeedCursor from = after == null ? null : new FeedCursor(after);
        Visibility visible = new Visibility(readerId, blocked.get());
        TimelinePage page = page(sources, visible, from, limit);
        List<Long> home = sources.get(0);
        if (after == null && pushed.isPresent() && home.size() >= firstPageWindow(limit)
                && (page.next() == null || page.next().lastServedId() <= home.get(home.size() - 1))) {
            // The page may reach below the window read (many invisible posts): merge again over the whole feed.
            sources.set(0, cache.feeds().read(homeKey, false, () -> pushedPostsOf(authors)));
            page = page(sources, visible, from, limit);
        }
        List<PostView> views = posts.views(page.postIds().stream().map(visible.loaded::get).toList(),
                OptionalLong.of(readerId));
        return new Listing<>(views, page.next() == null ? null
                : FeedCursors.encode(FeedCursors.TIMELINE, page.next().lastServedId()));
    }

    /**
     * How much of the home feed a first page reads: enough for the page, the post beyond it and as many invisible
     * ones again. A page that is still short of visible posts, or ends at the window's last ID, is merged again over
     * the whole feed (see home), so the window only ever saves work.
     */
    static int firstPageWindow(int limit) {
        return 2 * limit + 2;
    }

    /** The page's posts, and one beyond for the cursor, are loaded together; only IDs found invisible cost more. */
    private static TimelinePage page(List<List<Long>> sources, Visibility visible, FeedCursor from, int limit) {
        visible.prefetch(TimelineMerge.page(sources, id -> true, from, limit + 1).postIds());
        return TimelineMerge.page(sources, visible::test, from, limit);
    }

    /** A user's own posts, newest first, by cursor (from the documents: any depth). */
    public Listing<PostView> byUser(String handle, OptionalLong viewer, String cursor, int limit) {
        Account author = graph.account(handle);
        Long before = FeedCursors.decode(FeedCursors.USER_POSTS, cursor);
        List<Post> found = store.byAuthor(author.id(), null, before, limit + 1);
        List<PostView> views = posts.views(found.subList(0, Math.min(limit, found.size())), viewer);
        return new Listing<>(views, found.size() > limit
                ? FeedCursors.encode(FeedCursors.USER_POSTS, found.get(limit - 1).id()) : null);
    }

    /** The newest PUSH posts of these authors: what a rebuilt home feed holds. */
    private List<Long> pushedPostsOf(Set<Long> authors) {
        Set<Long> ids = new HashSet<>();
        for (long author : authors) {
            for (Post post : store.byAuthor(author, DeliveryMode.PUSH, null, cache.feeds().cap())) {
                ids.add(post.id());
            }
        }
        return new ArrayList<>(ids);
    }

    /** Which merged IDs a reader sees; remembers the posts it loaded, and whom each author blocked. */
    private final class Visibility {
        private final long readerId;
        private final Set<Long> blockedByReader;
        private final Map<Long, Post> loaded = new HashMap<>();
        private final Map<Long, Optional<Post>> prefetched = new HashMap<>();
        private final Map<Long, Boolean> authorBlockedReader = new HashMap<>();

        Visibility(long readerId, Set<Long> blockedByReader) {
            this.readerId = readerId;
            this.blockedByReader = blockedByReader;
        }

        /** Loads these posts, and whether each of their authors blocked the reader, in pipelined round trips. */
        void prefetch(List<Long> postIds) {
            Map<Long, Post> found = cache.posts(postIds);
            postIds.forEach(id -> prefetched.put(id, Optional.ofNullable(found.get(id))));
            List<Long> authors = found.values().stream().map(Post::authorId)
                    .filter(a -> a != readerId && !blockedByReader.contains(a)).distinct().toList();
            List<Boolean> blocked = cache.sets().containsEach(authors.stream().map(cache::blocks).toList(), readerId);
            for (int i = 0; i < authors.size(); i++) {
                authorBlockedReader.put(authors.get(i), blocked.get(i));
            }
        }

        boolean test(long postId) {
            Optional<Post> post = prefetched.containsKey(postId) ? prefetched.get(postId) : cache.post(postId);
            if (post.isEmpty() || post.get().deleted() || blockedByReader.contains(post.get().authorId())) {
                return false;
            }
            long author = post.get().authorId();
            if (author != readerId && authorBlockedReader.computeIfAbsent(author,
                    a -> cache.sets().contains(cache.blocks(a), readerId))) {
                return false;
            }
            loaded.put(postId, post.get());
            return true;
        }
    }
}
