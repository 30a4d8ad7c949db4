package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.application.CommentView;
import io.practicalsystems.feed.application.PostView;
import io.practicalsystems.feed.application.ProfileView;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** The feed's JSON shapes (docs: FEED contract). IDs are decimal strings, times ISO-8601. */
public final class FeedJson {

    private FeedJson() {
    }

    /** A post; {@code replyTo} and {@code sharedFrom} are null when there is none. */
    public record Post(String id, String author, String authorDisplayName, String text, String createdAt,
                @JsonbNillable String replyTo, @JsonbNillable Shared sharedFrom, long likes, long comments,
                long shares, boolean likedByMe, String deliveredBy) {

        static Post of(PostView v) {
            var p = v.post();
            return new Post(Long.toString(p.id()), v.author().handle(), v.author().displayName(), p.text(),
                    time(p.createdAtMillis()), p.replyTo() == null ? null : p.replyTo().toString(),
                    v.sharedFrom() == null ? null : Shared.of(v.sharedFrom()), v.likes(), v.comments(), v.shares(),
                    v.likedByMe(), p.mode().name());
        }
    }

    /** The post a repost shares, briefly. */
    public record Shared(String id, String author, String text, String createdAt) {

        static Shared of(PostView.Shared s) {
            return new Shared(Long.toString(s.post().id()), s.author().handle(), s.post().text(),
                    time(s.post().createdAtMillis()));
        }
    }

    public record Profile(String id, String handle, String displayName, String createdAt, long followers, long following,
                   long posts, boolean followedByMe, boolean blockedByMe) {

        static Profile of(ProfileView v) {
            Account a = v.account();
            return new Profile(Long.toString(a.id()), a.handle(), a.displayName(), a.createdAt().toString(),
                    v.followers(), v.following(), v.posts(), v.followedByMe(), v.blockedByMe());
        }
    }

    public record Comment(String id, String postId, String author, String text, String createdAt) {

        static Comment of(CommentView v) {
            var c = v.comment();
            return new Comment(c.id(), Long.toString(c.postId()), v.author().handle(), c.text(),
                    time(c.createdAt()));
        }
    }

    public record Like(long likes, boolean likedByMe) {
    }

    /** What arrives on the live stream for each new timeline item. */
    public record LivePost(String id, String author) {
    }

    /** {@code POST /posts}: text and an optional reply-to post ID. */
    public record PostBody(String text, String replyTo) {
    }

    /** {@code POST /posts/{id}/comments} and {@code /shares}: the text (optional for a share). */
    public record TextBody(String text) {
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
