package io.practicalsystems.feed.external;

import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.account.AccountDirectory;
import io.practicalsystems.feed.application.FeedException;
import io.practicalsystems.feed.application.PostService;
import io.practicalsystems.feed.application.PostView;
import io.practicalsystems.feed.post.PostText;
import io.practicalsystems.feed.session.FeedSigningKeys;
import io.practicalsystems.feed.session.InvalidTokenException;
import io.practicalsystems.feed.session.TokenVerifier;
import io.practicalsystems.feed.store.PostStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Posts a {@code feed.posts} message as the user its token names: the token is checked like mpJwt checks it on
 * {@code /api/feed} ({@link TokenVerifier}), the user must still exist, and the post goes through
 * {@link PostService#create} — the same text rules and the same per-user rate limit as {@code POST /api/feed/posts}.
 * The message's idempotency key is claimed first; a second delivery finds it claimed and posts nothing. Only a
 * failure of the document store or Redis is thrown (the claim is given back, so the redelivery can post).
 */
@ApplicationScoped
public class ExternalPostService {

    /** What became of a message. */
    public record Outcome(String handle, PostView post) {

        public boolean duplicate() {
            return post == null;
        }
    }

    @Inject
    FeedSigningKeys keys;

    @Inject
    AccountDirectory accounts;

    @Inject
    PostStore store;

    @Inject
    PostService posts;

    /**
     * @param key the message's idempotency key: its {@code id}, or the JMS message ID when it has none
     * @throws InvalidExternalPostException when the message can never be posted (bad token, unknown user, bad text,
     *                                      a reply to a missing post, over the rate limit)
     */
    public Outcome post(ExternalPost message, String key) {
        TokenVerifier.Subject subject;
        try {
            subject = keys.verifier().verify(message.token());
        } catch (InvalidTokenException e) {
            throw new InvalidExternalPostException("the token is not accepted: " + e.getMessage());
        }
        Account author = accounts.byId(subject.userId()).orElseThrow(() -> new InvalidExternalPostException(
                "the token names user " + subject.userId() + ", who does not exist"));
        if (key == null || key.isBlank()) {
            throw new InvalidExternalPostException("the message has no id and no JMS message ID");
        }
        if (!store.claimExternal(author.id(), key, System.currentTimeMillis())) {
            return new Outcome(author.handle(), null);
        }
        try {
            return new Outcome(author.handle(), posts.create(author.id(), message.text(), message.replyTo(), false));
        } catch (PostText.InvalidTextException | FeedException e) {
            // refused for good; the claim stays, so a copy of this message is not tried again either
            throw new InvalidExternalPostException("refused for " + author.handle() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            store.releaseExternal(author.id(), key);
            throw e;
        }
    }
}
