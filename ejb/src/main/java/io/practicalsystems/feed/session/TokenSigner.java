package io.practicalsystems.feed.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.practicalsystems.feed.account.Account;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs feed tokens (RS256, with Nimbus JOSE + JWT) in the shape MicroProfile JWT expects: {@code iss}, {@code aud},
 * {@code sub} = the user ID (decimal), {@code upn} = the handle, {@code groups} = {@code ["feed-user"]}, {@code iat},
 * {@code exp}, a random {@code jti}; header {@code typ: JWT} and {@code kid} = the key's RFC 7638 thumbprint (so a
 * verifier holding several keys knows which one). Plain Java, unit-tested.
 */
public final class TokenSigner {

    /** The group every feed token carries; the feed's REST layer accepts no token without it. */
    public static final String GROUP = "feed-user";

    private final RSASSASigner signer;
    private final String keyId;
    private final TokenSettings settings;
    private final Clock clock;

    public TokenSigner(KeyPair keys, TokenSettings settings, Clock clock) {
        this.signer = new RSASSASigner(keys.getPrivate());
        try {
            this.keyId = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedToken issue(Account account) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // JWT times are whole seconds
        Instant expiresAt = now.plus(settings.lifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(Long.toString(account.id()))
                .claim("upn", account.handle())
                .claim("groups", List.of(GROUP))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId)
                .build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }
}
