package io.practicalsystems.feed.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The caller of the current {@code /api/feed} request: the user whose token ({@code Authorization: Bearer …}, from
 * {@code POST /api/feed/sessions}) came with it. Every feed endpoint learns who is calling from here and never reads
 * the token itself.
 *
 * <ul>
 *   <li>{@link #id()} and {@link #handle()} for calls that need a signed-in user: without a valid token they throw
 *       {@link SignInRequiredException}, answered 401 problem+json with {@code WWW-Authenticate: Bearer}.</li>
 *   <li>{@link #idIfSignedIn()} for reads that anonymous callers may make too (a profile, a user's posts).</li>
 * </ul>
 *
 * A token that is present but invalid (expired, tampered with, signed by another key, another issuer) never gets
 * this far: Liberty's mpJwt feature refuses it and {@link FeedTokenFilter} answers 401 before any endpoint runs.
 */
@RequestScoped
public class FeedCaller {

    @Inject
    HttpServletRequest request;

    private Optional<FeedIdentity> identity;

    /** The signed-in user's ID; throws {@link SignInRequiredException} (401) when there is none. */
    public long id() {
        return signedIn().id();
    }

    /** The signed-in user's handle (lower-case); throws {@link SignInRequiredException} (401) when there is none. */
    public String handle() {
        return signedIn().handle();
    }

    /** The signed-in user's ID, or empty for an anonymous caller. */
    public OptionalLong idIfSignedIn() {
        return identity().map(who -> OptionalLong.of(who.id())).orElseGet(OptionalLong::empty);
    }

    /** What the signed-in user's token says; throws {@link SignInRequiredException} (401) when there is none. */
    public FeedIdentity signedIn() {
        return identity().orElseThrow(SignInRequiredException::new);
    }

    private Optional<FeedIdentity> identity() {
        if (identity == null) {
            identity = FeedIdentity.of(request.getUserPrincipal());
        }
        return identity;
    }
}
