package io.practicalsystems.feed.application;

import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.account.AccountDirectory;
import io.practicalsystems.feed.store.GraphStore;
import io.practicalsystems.feed.store.PostStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/**
 * Follow, unfollow, block, unblock and profiles. Each change writes the documents first, then the social graph tier
 * (whose sets reload from the documents when cold, so the cache never loses a change). All are idempotent.
 */
@ApplicationScoped
public class GraphService {

    @Inject
    AccountDirectory accounts;

    @Inject
    GraphStore graph;

    @Inject
    PostStore posts;

    @Inject
    FeedCache cache;

    @Inject
    FeedLimits limits;

    public Account account(String handle) {
        return accounts.byHandle(handle).orElseThrow(() -> FeedException.notFound("There is no user called '"
                + handle + "'."));
    }

    public void follow(long callerId, String handle) {
        Account target = account(handle);
        if (target.id() == callerId) {
            throw FeedException.invalid("You cannot follow yourself.");
        }
        if (graph.blocked(target.id(), callerId)) {
            throw FeedException.forbidden("@" + target.handle() + " has blocked you; you cannot follow them.");
        }
        if (graph.blocked(callerId, target.id())) {
            throw FeedException.conflict("You have blocked @" + target.handle() + "; unblock them first.");
        }
        limits.write(callerId);
        graph.follow(callerId, target.id(), System.currentTimeMillis());
        cache.sets().add(cache.followers(target.id()), callerId);
        cache.sets().add(cache.following(callerId), target.id());
    }

    public void unfollow(long callerId, String handle) {
        Account target = account(handle);
        limits.write(callerId);
        removeFollow(callerId, target.id());
    }

    /** Blocking removes the follows both ways; the blocked user then cannot follow, nor reach the blocker's timeline. */
    public void block(long callerId, String handle) {
        Account target = account(handle);
        if (target.id() == callerId) {
            throw FeedException.invalid("You cannot block yourself.");
        }
        limits.write(callerId);
        graph.block(callerId, target.id(), System.currentTimeMillis());
        cache.sets().add(cache.blocks(callerId), target.id());
        removeFollow(callerId, target.id());
        removeFollow(target.id(), callerId);
    }

    public void unblock(long callerId, String handle) {
        Account target = account(handle);
        limits.write(callerId);
        graph.unblock(callerId, target.id());
        cache.sets().remove(cache.blocks(callerId), target.id());
    }

    public ProfileView profile(String handle, OptionalLong viewer) {
        Account account = account(handle);
        long id = account.id();
        boolean followed = viewer.isPresent() && cache.sets().contains(cache.following(viewer.getAsLong()), id);
        boolean blocked = viewer.isPresent() && cache.sets().contains(cache.blocks(viewer.getAsLong()), id);
        return new ProfileView(account, cache.sets().count(cache.followers(id)),
                cache.sets().count(cache.following(id)), posts.countByAuthor(id), followed, blocked);
    }

    private void removeFollow(long followerId, long followeeId) {
        graph.unfollow(followerId, followeeId);
        cache.sets().remove(cache.followers(followeeId), followerId);
        cache.sets().remove(cache.following(followerId), followeeId);
    }
}
