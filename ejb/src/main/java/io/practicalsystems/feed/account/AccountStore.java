package io.practicalsystems.feed.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.practicalsystems.platform.docstore.DocumentStoreBackend;
import io.practicalsystems.platform.docstore.DuplicateKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The account documents, through Jakarta NoSQL, and the {@link AccountDirectory} the rest of the feed looks users up
 * in. Inserting is the uniqueness check: the handle is the document id, so the second of two racing sign-ups for one
 * handle is refused by the store itself. Look-ups by ID use an index on {@code userId} (created on first use; the
 * embedded store enforces unique indexes, real MongoDB any).
 *
 * <p>Accounts never change once created, so found accounts are cached in memory (bounded); a handle or ID that was
 * not found is not cached, as it may be signed up a moment later.
 */
@ApplicationScoped
public class AccountStore implements AccountDirectory {

    private static final Logger LOG = Logger.getLogger(AccountStore.class.getName());
    private static final int CACHED_ACCOUNTS = 10_000;
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);

    @Inject
    DocumentTemplate template;

    @Inject
    DocumentStoreBackend backend;

    private final AtomicBoolean userIdIndexed = new AtomicBoolean();
    private final Cache<String, Account> byHandle = Caffeine.newBuilder().maximumSize(CACHED_ACCOUNTS)
            .expireAfterWrite(CACHE_TTL).build();
    private final Cache<Long, Account> byId = Caffeine.newBuilder().maximumSize(CACHED_ACCOUNTS)
            .expireAfterWrite(CACHE_TTL).build();

    /** Stores a new account; false when an account with its handle exists already. */
    public boolean insert(AccountDocument account) {
        return DuplicateKeys.insertIfAbsent(template, account);
    }

    /** The stored account (password hash included) of a normalized handle. */
    public Optional<AccountDocument> document(String handle) {
        return template.find(AccountDocument.class, handle);
    }

    @Override
    public Optional<Account> byHandle(String handle) {
        Optional<String> normalized = Handles.normalized(handle);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Account cached = byHandle.getIfPresent(normalized.get());
        return cached != null ? Optional.of(cached) : remember(document(normalized.get()));
    }

    @Override
    public Optional<Account> byId(long id) {
        Account cached = byId.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        indexUserIdOnce();
        return remember(template.select(AccountDocument.class).where("userId").eq(id).singleResult());
    }

    private Optional<Account> remember(Optional<AccountDocument> found) {
        Optional<Account> account = found.map(AccountDocument::account);
        account.ifPresent(a -> {
            byHandle.put(a.handle(), a);
            byId.put(a.id(), a);
        });
        return account;
    }

    private void indexUserIdOnce() {
        if (userIdIndexed.get()) {
            return;
        }
        try {
            backend.client().getDatabase(backend.database()).getCollection(AccountDocument.COLLECTION)
                    .createIndex(Indexes.ascending("userId"), new IndexOptions().unique(true).name("userId"));
            userIdIndexed.set(true);
        } catch (RuntimeException e) {
            // Look-ups still work without it, scanning; the next one tries again.
            LOG.log(Level.WARNING, "could not create the userId index of " + AccountDocument.COLLECTION + ": " + e, e);
        }
    }
}
