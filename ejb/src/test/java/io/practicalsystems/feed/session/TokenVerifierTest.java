package io.practicalsystems.feed.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.feed.account.Account;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-05T15:00:00Z");
    private static final TokenSettings SETTINGS = new TokenSettings("https://practicalsystems.io/feed",
            "practical-systems-feed", Duration.ofHours(1));
    private static final Account ALICE = new Account(7040419296378343424L, "alice", "Alice", NOW);
    private static final KeyPair KEYS = rsa();

    private final String token = signer(KEYS, SETTINGS).issue(ALICE).token();

    @Test
    void aTokenOfTheFeedNamesItsUser() {
        TokenVerifier.Subject subject = verifier(NOW).verify(token);

        assertThat(subject.userId()).isEqualTo(ALICE.id());
        assertThat(subject.handle()).isEqualTo("alice");
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheClockSkew() {
        Instant expiry = NOW.plus(SETTINGS.lifetime());
        assertThat(verifier(expiry.plusSeconds(TokenVerifier.CLOCK_SKEW_SECONDS - 1)).verify(token).handle())
                .isEqualTo("alice");
        assertThatThrownBy(() -> verifier(expiry.plusSeconds(TokenVerifier.CLOCK_SKEW_SECONDS + 1)).verify(token))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("xpired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = signer(rsa(), SETTINGS).issue(ALICE).token();

        assertThatThrownBy(() -> verifier(NOW).verify(forged)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aTokenWithChangedClaimsIsRefused() {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"alice\"", "\"admin\"");
        String changed = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + "." + parts[2];

        assertThatThrownBy(() -> verifier(NOW).verify(changed)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTokenForAnotherIssuerOrAudienceIsRefused() {
        String otherIssuer = signer(KEYS, new TokenSettings("https://elsewhere.example", SETTINGS.audience(),
                SETTINGS.lifetime())).issue(ALICE).token();
        String otherAudience = signer(KEYS, new TokenSettings(SETTINGS.issuer(), "another-service",
                SETTINGS.lifetime())).issue(ALICE).token();

        assertThatThrownBy(() -> verifier(NOW).verify(otherIssuer)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier(NOW).verify(otherAudience)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void anUnsignedOrMalformedTokenIsRefused() {
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + parts[1] + ".";

        assertThatThrownBy(() -> verifier(NOW).verify(none)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier(NOW).verify("not.a.token")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier(NOW).verify("")).isInstanceOf(InvalidTokenException.class);
    }

    private static TokenSigner signer(KeyPair keys, TokenSettings settings) {
        return new TokenSigner(keys, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TokenVerifier verifier(Instant now) {
        return new TokenVerifier((RSAPublicKey) KEYS.getPublic(), SETTINGS, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
