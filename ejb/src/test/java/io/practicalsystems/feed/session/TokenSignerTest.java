package io.practicalsystems.feed.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.practicalsystems.feed.account.Account;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private static final Instant NOW = Instant.parse("2026-12-05T15:00:00.750Z");
    private static final TokenSettings SETTINGS = new TokenSettings("https://practicalsystems.io/feed",
            "practical-systems-feed", Duration.ofHours(8));
    private static final Account ALICE = new Account(7040419296378343424L, "alice", "Alice", NOW);

    private final KeyPair keys = rsa();
    private final TokenSigner signer = new TokenSigner(keys, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenCarriesWhatMicroProfileJwtExpectsSignedRs256() throws Exception {
        IssuedToken issued = signer.issue(ALICE);
        SignedJWT jwt = SignedJWT.parse(issued.token());

        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType().toString()).isEqualTo("JWT");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).build()
                .computeThumbprint().toString());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://practicalsystems.io/feed");
        assertThat(claims.getAudience()).containsExactly("practical-systems-feed");
        assertThat(claims.getSubject()).isEqualTo("7040419296378343424");
        assertThat(claims.getStringClaim("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaim("groups")).containsExactly("feed-user");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(Instant.parse("2026-12-05T15:00:00Z")));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(Instant.parse("2026-12-05T23:00:00Z")));
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-12-05T23:00:00Z"));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void everyTokenHasItsOwnIdAndNoneVerifiesWithAnotherKey() throws Exception {
        SignedJWT first = SignedJWT.parse(signer.issue(ALICE).token());
        SignedJWT second = SignedJWT.parse(signer.issue(ALICE).token());

        assertThat(first.getJWTClaimsSet().getJWTID()).isNotEqualTo(second.getJWTClaimsSet().getJWTID());
        assertThat(first.verify(new RSASSAVerifier((RSAPublicKey) rsa().getPublic()))).isFalse();
        assertThat(signer.issue(ALICE).toString()).doesNotContain(first.serialize());
    }

    @Test
    void settingsAreBounded() {
        assertThatThrownBy(() -> new TokenSettings("", "a", Duration.ofHours(1))).hasMessageContaining("issuer");
        assertThatThrownBy(() -> new TokenSettings("i", " ", Duration.ofHours(1))).hasMessageContaining("audience");
        for (Duration lifetime : List.of(Duration.ofSeconds(59), Duration.ofDays(31))) {
            assertThatThrownBy(() -> new TokenSettings("i", "a", lifetime)).hasMessageContaining("lifetime-seconds");
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
