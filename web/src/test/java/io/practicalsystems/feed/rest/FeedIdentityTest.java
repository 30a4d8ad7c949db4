package io.practicalsystems.feed.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class FeedIdentityTest {

    private static final long EXP = 1_800_000_000L;

    @Test
    void aFeedTokenNamesTheUserByIdAndHandle() {
        assertThat(FeedIdentity.of(token("7040419296378343424", "alice", Set.of("feed-user"))))
                .contains(new FeedIdentity(7040419296378343424L, "alice", Instant.ofEpochSecond(EXP)));
    }

    @Test
    void noPrincipalOrAnotherKindOfPrincipalIsNobody() {
        Principal admin = () -> "admin";

        assertThat(FeedIdentity.of(null)).isEmpty();
        assertThat(FeedIdentity.of(admin)).isEmpty();
    }

    @Test
    void aTokenWithoutTheFeedGroupIsNobody() {
        assertThat(FeedIdentity.of(token("42", "alice", Set.of("admin")))).isEmpty();
        assertThat(FeedIdentity.of(token("42", "alice", null))).isEmpty();
    }

    @Test
    void aSubjectThatIsNotAPositiveDecimalIdIsNobody() {
        for (String subject : new String[] {null, "", "0", "-5", "+5", "12a", "0x10", " 42", "٤٢",
                "9223372036854775808", "99999999999999999999"}) {
            assertThat(FeedIdentity.of(token(subject, "alice", Set.of("feed-user")))).as(subject).isEmpty();
        }
        assertThat(FeedIdentity.of(token("9223372036854775807", "alice", Set.of("feed-user"))))
                .contains(new FeedIdentity(Long.MAX_VALUE, "alice", Instant.ofEpochSecond(EXP)));
    }

    @Test
    void aTokenWithoutAnExpiryIsNobody() {
        JsonWebToken noExpiry = token("42", "alice", Set.of("feed-user"));
        noExpiry.getClaimNames().remove("exp");

        assertThat(FeedIdentity.of(noExpiry)).isEmpty();
    }

    @Test
    void aTokenWithoutAHandleIsNobody() {
        assertThat(FeedIdentity.of(token("42", null, Set.of("feed-user")))).isEmpty();
        assertThat(FeedIdentity.of(token("42", "", Set.of("feed-user")))).isEmpty();
    }

    private static JsonWebToken token(String subject, String name, Set<String> groups) {
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("sub", subject);
        claims.put("upn", name);
        claims.put("groups", groups);
        claims.put("exp", EXP); // as mpJwt hands it over: seconds, a Long
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
