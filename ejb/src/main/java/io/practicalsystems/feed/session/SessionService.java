package io.practicalsystems.feed.session;

import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Log-in: the account whose handle and password these are, and a token for it. */
@ApplicationScoped
public class SessionService {

    @Inject
    AccountService accounts;

    @EJB
    FeedSigningKeys keys;

    /** A token for the account; {@code InvalidCredentialsException} (401) for a wrong handle or password. */
    public Session logIn(String handle, String password) {
        TokenSigner signer = keys.signer(); // 503 before any password is checked when no token could be signed
        Account account = accounts.logIn(handle, password);
        return new Session(account, signer.issue(account));
    }

    /** A logged-in account and its token. */
    public record Session(Account account, IssuedToken token) {
    }
}
