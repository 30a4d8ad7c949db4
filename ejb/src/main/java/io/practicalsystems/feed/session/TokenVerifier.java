package io.practicalsystems.feed.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a feed token held by a client outside an HTTP request (the external producers' messages) as strictly as
 * Liberty's mpJwt checks it on {@code /api/feed}: RS256 only, the signature with the feed's public key, {@code iss}
 * and {@code aud} from {@link TokenSettings}, {@code exp} (30 s clock skew, mpJwt's {@code clockSkew}), and the claims
 * the REST layer relies on ({@code sub} a user ID, {@code upn}, {@code groups} holding {@link TokenSigner#GROUP}).
 * Plain Java, unit-tested.
 */
public final class TokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 30;

    /** Who a valid token names. */
    public record Subject(long userId, String handle) {
    }

    private final RSASSAVerifier signature;
    private final DefaultJWTClaimsVerifier<?> claims;
    private final Clock clock;

    public TokenVerifier(RSAPublicKey publicKey, TokenSettings settings, Clock clock) {
        this.signature = new RSASSAVerifier(publicKey);
        this.clock = clock;
        this.claims = new DefaultJWTClaimsVerifier<>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp", "upn", "groups")) {
            @Override
            protected Date currentTime() {
                return Date.from(TokenVerifier.this.clock.instant());
            }
        };
        this.claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    }

    /** The token's subject; {@link InvalidTokenException} saying why not (never echoing the token). */
    public Subject verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new InvalidTokenException("not signed with RS256");
            }
            if (!jwt.verify(signature)) {
                throw new InvalidTokenException("the signature is not the feed's");
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            claims.verify(set, null);
            List<String> groups = set.getStringListClaim("groups");
            if (groups == null || !groups.contains(TokenSigner.GROUP)) {
                throw new InvalidTokenException("not a feed user's token");
            }
            String handle = set.getStringClaim("upn");
            return new Subject(Long.parseLong(set.getSubject()), handle);
        } catch (ParseException | NumberFormatException e) {
            throw new InvalidTokenException("not a feed token (" + e.getMessage() + ")");
        } catch (BadJWTException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidTokenException("the signature cannot be checked (" + e.getMessage() + ")");
        }
    }
}
