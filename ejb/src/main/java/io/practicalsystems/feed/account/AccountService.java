package io.practicalsystems.feed.account;

import io.practicalsystems.idgen.application.IdGeneratorService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Sign-up and log-in. Sign-up validates ({@link SignUp}), takes a user ID from the ID generator, hashes the password
 * ({@link PasswordHasher}) and inserts the account; the store refuses a taken handle even under a race. Log-in answers
 * the same {@link InvalidCredentialsException} for an unknown handle and a wrong password, after the same hashing work.
 */
@ApplicationScoped
public class AccountService {

    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock = Clock.systemUTC();

    @Inject
    AccountStore store;

    @EJB
    IdGeneratorService ids;

    /** Creates the account; {@link InvalidAccountInputException} (400) or {@link HandleTakenException} (409). */
    public Account signUp(String handle, String password, String displayName) {
        SignUp signUp = SignUp.validate(handle, password, displayName);
        if (store.document(signUp.handle()).isPresent()) {
            throw new HandleTakenException(signUp.handle()); // before spending an ID and a hash on it
        }
        AccountDocument account = new AccountDocument(signUp.handle(), ids.next(), signUp.displayName(),
                hasher.hash(signUp.password()), clock.millis());
        if (!store.insert(account)) {
            throw new HandleTakenException(signUp.handle()); // someone else's sign-up for it got in first
        }
        return account.account();
    }

    /**
     * The account whose handle and password these are; {@link InvalidCredentialsException} (401) otherwise. Input that
     * no account can have (a malformed handle, a password of a length no password has) is refused without hashing.
     */
    public Account logIn(String handle, String password) {
        if (handle == null || password == null) {
            throw new InvalidAccountInputException(handle == null ? "handle" : "password",
                    "a handle and a password are required");
        }
        Optional<String> normalized = Handles.normalized(handle);
        if (normalized.isEmpty() || !SignUp.passwordLengthAllowed(password)) {
            throw new InvalidCredentialsException();
        }
        Optional<AccountDocument> account = store.document(normalized.get());
        boolean matches = account.isPresent()
                ? hasher.matches(password, account.get().passwordHash())
                : hasher.matchesNobody(password);
        if (!matches) {
            throw new InvalidCredentialsException();
        }
        return account.get().account();
    }
}
