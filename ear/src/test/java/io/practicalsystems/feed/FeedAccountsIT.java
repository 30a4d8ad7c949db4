package io.practicalsystems.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Feed accounts and tokens on the shared server: sign-up, log-in, {@code /api/feed/me} and
 * {@code /api/feed/sessions/current}, every kind of bad token
 * refused by Liberty's mpJwt with a 401 problem, and the admin endpoints' HTTP Basic untouched by it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedAccountsIT {

    private static final String PASSWORD = "correct horse battery";

    private LibertyServer server;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
    }

    @Test
    void signUpAnswers201WithTheUserStoredUnderItsLowerCaseHandle() {
        String handle = newHandle();
        Http.Response created = signUp("{\"handle\":\"" + handle.toUpperCase(Locale.ROOT) + "\",\"password\":\""
                + PASSWORD + "\",\"displayName\":\"  Ada Lovelace \"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject user = created.json();
        assertThat(user.getString("handle")).isEqualTo(handle);
        assertThat(user.getString("displayName")).isEqualTo("Ada Lovelace");
        assertThat(Long.parseLong(user.getString("id"))).isPositive();
        assertThat(Instant.parse(user.getString("createdAt"))).isBefore(Instant.now().plusSeconds(5));
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/feed/users/"
                + handle));
        assertThat(created.header("RateLimit-Limit")).as("the feed-signup limit applies").isPresent();
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("argon2");

        Http.Response defaulted = signUp("{\"handle\":\"" + newHandle() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(defaulted.json().getString("displayName")).isEqualTo(defaulted.json().getString("handle"));
    }

    @Test
    void aTakenHandleIs409InAnyLetterCase() {
        String handle = newHandle();
        assertThat(signUp(body(handle, PASSWORD)).status()).isEqualTo(201);

        for (String again : List.of(handle, handle.toUpperCase(Locale.ROOT))) {
            Http.Response taken = signUp(body(again, "another password"));
            assertProblem(taken, 409);
            assertThat(taken.body()).contains("taken");
        }
        assertThat(logIn(handle, "another password").status()).as("the first account is unchanged").isEqualTo(401);
        assertThat(logIn(handle, PASSWORD).status()).isEqualTo(200);
    }

    /** The handle is the document's id: of sign-ups racing for it, in any letter case, the store lets one in. */
    @Test
    void ofConcurrentSignUpsForOneHandleExactlyOneWins() {
        String handle = newHandle();
        List<CompletableFuture<Http.Response>> racing = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> signUp(body(i % 2 == 0 ? handle : handle.toUpperCase(Locale.ROOT), PASSWORD + " " + i))))
                .toList();
        List<Http.Response> answers = racing.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Http.Response::status).containsOnly(201, 409).filteredOn(s -> s == 201)
                .hasSize(1);
        int winner = answers.indexOf(answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow());
        for (int i = 0; i < answers.size(); i++) {
            assertThat(logIn(handle, PASSWORD + " " + i).status()).as("password %d", i)
                    .isEqualTo(i == winner ? 200 : 401);
        }
    }

    @Test
    void badSignUpsAre400ProblemsNamingTheFieldAndStoreNothing() {
        String handle = newHandle();
        SoftAssertions softly = new SoftAssertions();
        for (String[] bad : new String[][] {
                {body("ab", PASSWORD), "handle"},
                {body("a".repeat(31), PASSWORD), "handle"},
                {body("bad-handle", PASSWORD), "handle"},
                {body("bad handle", PASSWORD), "handle"},
                {body(handle, "short"), "password"},
                {body(handle, "x".repeat(129)), "password"},
                {"{\"handle\":\"" + handle + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\""
                        + "x".repeat(51) + "\"}", "displayName"},
                {"{\"handle\":\"" + handle + "\"}", "password"},
                {"{\"handle\":\"" + handle + "\",\"password\":\"" + PASSWORD + "\",\"admin\":true}", "admin"},
                {"", "body"},
                {"[1,2]", "body"},
                {"{\"handle\":", "body"}}) {
            Http.Response answer = signUp(bad[0]);
            softly.check(() -> assertProblem(answer, 400));
            softly.assertThat(answer.body()).as(bad[0]).contains("\"field\":\"" + bad[1] + "\"");
        }
        softly.assertAll();
        assertThat(logIn(handle, PASSWORD).status()).as("no bad sign-up created the account").isEqualTo(401);
    }

    @Test
    void logInAnswersASignedTokenForTheHandleInAnyCase() {
        String handle = newHandle();
        String id = signUp(body(handle, PASSWORD)).json().getString("id");

        Http.Response session = logIn(handle.toUpperCase(Locale.ROOT), PASSWORD);

        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(session.json().getString("handle")).isEqualTo(handle);
        assertThat(session.header("RateLimit-Limit")).as("the feed-login limit applies").isPresent();
        Instant expiresAt = Instant.parse(session.json().getString("expiresAt"));
        assertThat(expiresAt).isAfter(Instant.now().plusSeconds(3600));
        JsonObject me = me(session.json().getString("token"));
        assertThat(me.getString("id")).isEqualTo(id);
        assertThat(me.getString("handle")).isEqualTo(handle);
        assertThat(me.getString("displayName")).isEqualTo(handle);
    }

    @Test
    void aWrongPasswordAndAnUnknownHandleGetTheSame401() {
        String handle = newHandle();
        signUp(body(handle, PASSWORD));

        Http.Response wrongPassword = logIn(handle, PASSWORD + "!");
        Http.Response unknownHandle = logIn(newHandle(), PASSWORD);
        Http.Response malformedHandle = logIn("no such handle", PASSWORD);

        for (Http.Response refused : List.of(wrongPassword, unknownHandle, malformedHandle)) {
            assertProblem(refused, 401);
            assertThat(refused.body()).isEqualTo(wrongPassword.body());
            assertThat(refused.body()).doesNotContain("token");
        }
    }

    @Test
    void meNeedsAToken() {
        Http.Response anonymous = Http.get(feed("/me"));

        assertBearerProblem(anonymous);
        assertThat(anonymous.body()).contains("sign-in-required");
    }

    /** Every one of these reaches mpJwt, which refuses it before the application runs. */
    @Test
    void badTokensAre401Problems() throws Exception {
        String handle = newHandle();
        String id = signUp(body(handle, PASSWORD)).json().getString("id");
        String token = logIn(handle, PASSWORD).json().getString("token");
        PrivateKey serverKey = serverPrivateKey();
        PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Instant now = Instant.now();

        SoftAssertions softly = new SoftAssertions();
        for (String[] bad : new String[][] {
                {"expired an hour ago", sign(serverKey, claims(id, handle, now.minusSeconds(7200), now.minusSeconds(3600),
                        "https://practicalsystems.io/feed", "practical-systems-feed"))},
                {"signed with another key", sign(otherKey, claims(id, handle, now, now.plusSeconds(3600),
                        "https://practicalsystems.io/feed", "practical-systems-feed"))},
                {"another issuer", sign(serverKey, claims(id, handle, now, now.plusSeconds(3600),
                        "https://elsewhere.example", "practical-systems-feed"))},
                {"another audience", sign(serverKey, claims(id, handle, now, now.plusSeconds(3600),
                        "https://practicalsystems.io/feed", "some-other-service"))},
                {"payload swapped for another user's", tamper(token)},
                {"unsigned (alg none)", unsigned(token)},
                {"HS256 with the public key as the secret", hmacWithPublicKey(claims(id, handle, now,
                        now.plusSeconds(3600), "https://practicalsystems.io/feed", "practical-systems-feed"))},
                {"not a JWT", "not-a-token"}}) {
            Http.Response answer = Http.send("GET", feed("/me"), null, null, "Authorization", "Bearer " + bad[1]);
            softly.check(() -> assertBearerProblem(answer));
            softly.assertThat(answer.body()).as(bad[0]).contains("invalid-token").doesNotContain(handle);
            softly.assertThat(answer.header("WWW-Authenticate")).as(bad[0])
                    .hasValueSatisfying(c -> assertThat(c).contains("error=\"invalid_token\""));
        }
        softly.assertAll();
        assertThat(me(token).getString("handle")).as("the real token still works").isEqualTo(handle);
    }

    @Test
    void theCurrentSessionIsWhatTheTokenSays() throws Exception {
        String handle = newHandle();
        String id = signUp(body(handle, PASSWORD)).json().getString("id");
        JsonObject session = logIn(handle, PASSWORD).json();
        String token = session.getString("token");

        Http.Response current = Http.send("GET", feed("/sessions/current"), null, null, "Authorization",
                "Bearer " + token);

        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.json().getString("userId")).isEqualTo(id);
        assertThat(current.json().getString("handle")).isEqualTo(handle);
        assertThat(current.json().getString("expiresAt")).isEqualTo(session.getString("expiresAt"));
        assertThat(current.header("Set-Cookie")).as("no session cookie").isEmpty();

        Http.Response anonymous = Http.get(feed("/sessions/current"));
        assertBearerProblem(anonymous);
        assertThat(anonymous.body()).contains("sign-in-required");
        Http.Response tampered = Http.send("GET", feed("/sessions/current"), null, null, "Authorization",
                "Bearer " + tamper(token));
        assertBearerProblem(tampered);
        assertThat(tampered.body()).contains("invalid-token").doesNotContain(handle);
    }

    @Test
    void signUpAndLogInNeedNoTokenAndAnOkTokenDoesNotHurtThem() {
        String handle = newHandle();
        signUp(body(handle, PASSWORD));
        String token = logIn(handle, PASSWORD).json().getString("token");

        Http.Response withToken = Http.send("POST", feed("/sessions"), body(handle, PASSWORD), null,
                "Authorization", "Bearer " + token);

        assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);
    }

    @Test
    void adminEndpointsKeepHttpBasicAndAFeedTokenIsNoAdmin() {
        String https = server.httpsBaseUrl();
        assertThat(Http.get(https + "/api/admin/health", TestServers.admin()).status()).isEqualTo(200);
        Http.Response noCredentials = Http.get(https + "/api/admin/health");
        assertThat(noCredentials.status()).isEqualTo(401);
        assertThat(noCredentials.header("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c).startsWith("Basic"));

        String handle = newHandle();
        signUp(body(handle, PASSWORD));
        String token = logIn(handle, PASSWORD).json().getString("token");
        Http.Response withToken = Http.send("GET", https + "/api/admin/health", null, null,
                "Authorization", "Bearer " + token);
        assertThat(withToken.status()).as(withToken.body()).isIn(401, 403);
        assertThat(withToken.body()).doesNotContain("checks");
    }

    private String feed(String path) {
        return server.baseUrl() + "/api/feed" + path;
    }

    private Http.Response signUp(String json) {
        return Http.post(feed("/users"), json);
    }

    private Http.Response logIn(String handle, String password) {
        return Http.post(feed("/sessions"), body(handle, password));
    }

    private JsonObject me(String token) {
        Http.Response me = Http.send("GET", feed("/me"), null, null, "Authorization", "Bearer " + token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.header("Set-Cookie")).as("the token is the only credential: no session cookie").isEmpty();
        return me.json();
    }

    private static String body(String handle, String password) {
        return "{\"handle\":\"" + handle + "\",\"password\":\"" + password + "\"}";
    }

    /** A handle of its own per test (30 characters at most), so that runs and classes never collide. */
    private static String newHandle() {
        return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static void assertProblem(Http.Response answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Exception").doesNotContain("CWW");
    }

    private static void assertBearerProblem(Http.Response answer) {
        assertProblem(answer, 401);
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
    }

    /** The server's own signing key, from its data directory (the test reads it to mint tokens mpJwt must refuse). */
    private PrivateKey serverPrivateKey() throws Exception {
        String pem = Files.readString(server.serverOutputDir().resolve("data/feed-jwt/private-key.pem"),
                StandardCharsets.UTF_8);
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static JWTClaimsSet claims(String id, String handle, Instant issued, Instant expires, String issuer,
                                       String audience) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(id).claim("upn", handle)
                .claim("groups", List.of("feed-user")).issueTime(Date.from(issued)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
    }

    private static String sign(PrivateKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The real token's header and signature around a payload naming someone else. */
    private static String tamper(String token) throws Exception {
        String[] parts = token.split("\\.");
        JWTClaimsSet original = SignedJWT.parse(token).getJWTClaimsSet();
        JWTClaimsSet other = new JWTClaimsSet.Builder(original).subject("1").claim("upn", "someone_else").build();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(other.toString()
                .getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** The key-confusion attack: a verifier that let the token choose HMAC would check it with the public key. */
    private String hmacWithPublicKey(JWTClaimsSet claims) throws Exception {
        byte[] secret = Files.readAllBytes(server.serverOutputDir().resolve("data/feed-jwt/public-key.pem"));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** The real token's payload with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }
}
