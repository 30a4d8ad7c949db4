package io.practicalsystems.feed.session;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the feed's signing key pair at start, generating it at the first start ({@link SigningKeyFiles}), and holds
 * the {@link TokenSigner} made from it. Settings (server.xml variables, env {@code PS_FEED_JWT_*}):
 * {@code ps.feed.jwt.private-key} and {@code ps.feed.jwt.public-key} (the PEM files; default under
 * {@code ps.data.dir}/feed-jwt/), {@code ps.feed.jwt.issuer}, {@code ps.feed.jwt.audience},
 * {@code ps.feed.jwt.lifetime-seconds}.
 *
 * <p>A key pair that cannot be had (unwritable directory, a file that holds no key, halves that do not match) is
 * logged as SEVERE and leaves log-in answering 503; the rest of the application, the feed's reads included, runs on.
 */
@Singleton
@Startup
// The signer is written once in @PostConstruct, before the container lets any caller in; it is thread-safe.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FeedSigningKeys {

    private static final Logger LOG = Logger.getLogger(FeedSigningKeys.class.getName());

    @Inject
    @ConfigProperty(name = "ps.data.dir", defaultValue = "target/data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ps.feed.jwt.private-key")
    Optional<String> privateKeyFile;

    @Inject
    @ConfigProperty(name = "ps.feed.jwt.public-key")
    Optional<String> publicKeyFile;

    @Inject
    @ConfigProperty(name = "ps.feed.jwt.issuer", defaultValue = "https://practicalsystems.io/feed")
    String issuer;

    @Inject
    @ConfigProperty(name = "ps.feed.jwt.audience", defaultValue = "practical-systems-feed")
    String audience;

    @Inject
    @ConfigProperty(name = "ps.feed.jwt.lifetime-seconds", defaultValue = "28800")
    long lifetimeSeconds;

    private volatile TokenSigner signer;
    private volatile TokenVerifier verifier;
    private volatile String unavailableReason = "not started";

    @PostConstruct
    void load() {
        SigningKeyFiles files = new SigningKeyFiles(
                Path.of(privateKeyFile.filter(p -> !p.isBlank()).orElse(dataDir + "/feed-jwt/private-key.pem")),
                Path.of(publicKeyFile.filter(p -> !p.isBlank()).orElse(dataDir + "/feed-jwt/public-key.pem")));
        try {
            boolean existed = files.exists();
            TokenSettings settings = new TokenSettings(issuer, audience, Duration.ofSeconds(lifetimeSeconds));
            KeyPair keys = files.loadOrCreate();
            signer = new TokenSigner(keys, settings, Clock.systemUTC());
            verifier = new TokenVerifier((RSAPublicKey) keys.getPublic(), settings, Clock.systemUTC());
            LOG.info((existed ? "Feed tokens are signed with the key pair in " : "Generated the feed's token signing "
                    + "key pair (first start): ") + files.privateKeyFile() + " (private, mode 600) and "
                    + files.publicKeyFile() + " (public; mpJwt checks tokens with it). Tokens last "
                    + lifetimeSeconds + " s.");
        } catch (RuntimeException e) {
            unavailableReason = e.getMessage();
            LOG.log(Level.SEVERE, "Feed log-in is unavailable: no signing key pair (" + e.getMessage() + "). Set "
                    + "PS_FEED_JWT_PRIVATE_KEY / PS_FEED_JWT_PUBLIC_KEY to a pair of PEM files, or make "
                    + files.privateKeyFile().getParent() + " writable.", e);
        }
    }

    /** The signer; {@link SigningKeyUnavailableException} (503) when the key pair could not be loaded. */
    public TokenSigner signer() {
        TokenSigner current = signer;
        if (current == null) {
            throw new SigningKeyUnavailableException(unavailableReason);
        }
        return current;
    }

    /** The verifier of tokens held outside HTTP requests; {@link SigningKeyUnavailableException} like {@link #signer}. */
    public TokenVerifier verifier() {
        TokenVerifier current = verifier;
        if (current == null) {
            throw new SigningKeyUnavailableException(unavailableReason);
        }
        return current;
    }
}
