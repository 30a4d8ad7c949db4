package io.practicalsystems.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin surface of a server started with nothing configured for it (no ADMIN_USER, no ADMIN_PASSWORD): a
 * generated password nobody else knows, no remote writes to the server's files, admin calls only over HTTPS with
 * JSON, failed sign-ins throttled per client, and the usual security headers on every response. ADMIN_PASSWORD,
 * when set later, wins over the generated password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminSurfaceIT {

    private static final int MAX_FAILURES = 5;
    private static final String CLOCK_OFFSET = "/api/ids/admin/clock-offset?ms=0";

    private LibertyServer server;
    private Http.BasicAuth admin;

    /** A server of its own: no admin credentials configured, failed sign-ins from this machine, a restart. */
    @BeforeAll
    void start(OwnServers own) {
        server = own.start(TestServers.realServicesWithoutAdmin("admin-surface")
                .env("PS_LOGIN_MAX_FAILURES", MAX_FAILURES));
    }

    @Test
    @Order(1)
    void withoutAdminPasswordTheServerGeneratesOneIntoAnOwnerOnlyFile() throws IOException {
        Path file = server.serverOutputDir().resolve("data/admin/admin-password");
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(server.logContains("a random password was generated for the admin user 'admin'. It is in "
                + file)).isTrue();
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        admin = Http.basicAuth("admin", password);

        String metrics = server.httpsBaseUrl() + "/metrics";
        // Only then try it: every try before counts as a failed sign-in from this address, and MAX_FAILURES of them
        // would lock it out of /metrics for the window.
        Await.until("Liberty applies the generated password (CWWKG0017I)", () -> server.logContains("CWWKG0017I"),
                applied -> applied, Duration.ofSeconds(60));
        Await.until("the generated password opens /metrics", () -> Http.get(metrics, admin).status(),
                status -> status == 200, Duration.ofSeconds(60));
        assertThat(Http.get(metrics, Http.basicAuth("admin", "admin")).status()).isEqualTo(401);
        assertThat(Http.get(metrics, Http.basicAuth("admin", "")).status()).isEqualTo(401);
        // The app's admin endpoints: signed in (fault injection is off, hence 403 with a reason), or not.
        Http.Response signedIn = Http.post(server.httpsBaseUrl() + CLOCK_OFFSET, "", admin);
        assertThat(signedIn.status()).isEqualTo(403);
        assertThat(signedIn.json().getString("detail")).contains("PS_IDGEN_FAULT_INJECTION_ENABLED");
    }

    @Test
    @Order(2)
    void serverFilesCanBeReadButNotWrittenRemotely() {
        String files = server.httpsBaseUrl() + "/IBMJMXConnectorREST/file/";
        // The Admin Center's Server Config tool reads server.xml this way.
        assertThat(Http.get(files + encode("${server.config.dir}/server.xml"), admin).status()).isEqualTo(200);

        Http.Response upload = Http.send("POST", files + encode("${server.config.dir}/probe.xml"), "<server/>",
                admin, "Content-Type", "application/octet-stream");

        assertThat(upload.status()).as(upload.body()).isBetween(400, 499);
        assertThat(upload.body()).contains("CWWKX0121E"); // access denied to path
        assertThat(server.userDir().resolve("servers/admin-surface/probe.xml")).doesNotExist();
    }

    @Test
    @Order(3)
    void adminCallsOverPlainHttpAreRefusedWithoutRedirect() {
        Http.Response signedIn = Http.post(server.baseUrl() + CLOCK_OFFSET, "", admin);
        assertThat(signedIn.status()).isEqualTo(403);
        assertProblemJson(signedIn);
        assertThat(signedIn.json().getString("type")).endsWith("/https-required");
        assertThat(signedIn.json().getString("detail")).contains("https://");
        assertThat(Http.post(server.baseUrl() + CLOCK_OFFSET, "").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void adminCallsWithFormOrTextBodiesAreRefused() {
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data"}) {
            Http.Response response = Http.send("POST", server.httpsBaseUrl() + CLOCK_OFFSET, "ms=0", admin,
                    "Content-Type", type);
            assertThat(response.status()).as(type).isEqualTo(415);
            assertProblemJson(response);
            assertThat(response.json().getString("type")).endsWith("/json-required");
        }
    }

    /**
     * Liberty's own surfaces (outside the EAR, so the app's filter never sees them) are throttled per client by the
     * trust association interceptor: the guesser's address is refused with 429 once it used up its failures — the
     * right password included, since it is not even checked — on every Liberty surface, while another address signs
     * in as usual. Both clients are addresses of this machine other than the one the other tests use.
     */
    @Test
    @Order(6)
    void failedSignInsOnLibertysOwnSurfacesAreThrottledPerClientAddress() throws IOException {
        InetAddress guesser = InetAddress.getByName("127.0.0.3");
        InetAddress otherClient = InetAddress.getByName("127.0.0.2");
        String metrics = "https://127.0.0.1:" + server.httpsPort() + "/metrics";
        Http.BasicAuth guess = Http.basicAuth("admin", "guess");

        for (int i = 1; i <= MAX_FAILURES; i++) {
            assertThat(Http.getFrom(guesser, metrics, guess).status()).as("wrong password %d", i).isEqualTo(401);
        }
        Http.Response refused = Http.getFrom(guesser, metrics, guess);

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 300L);
        assertProblemJson(refused);
        assertThat(refused.json().getString("type")).endsWith("/too-many-failed-logins");
        assertThat(Http.getFrom(guesser, metrics, admin).status())
                .as("the right password from the guesser's address is not even checked").isEqualTo(429);
        assertThat(Http.getFrom(guesser, "https://127.0.0.1:" + server.httpsPort() + "/IBMJMXConnectorREST/",
                admin).status()).as("every surface of Liberty's").isEqualTo(429);

        assertThat(Http.getFrom(otherClient, metrics, admin).status()).as("another client signs in").isEqualTo(200);
        assertThat(Http.getFrom(otherClient, metrics, guess).status()).as("and is counted on its own")
                .isEqualTo(401);
        assertThat(Http.getFrom(otherClient, metrics, admin).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void everyResponseCarriesTheSecurityHeaders() {
        assertSecurityHeaders(Http.get(server.baseUrl() + "/api/ids/info"), 200);
        assertSecurityHeaders(Http.get(server.baseUrl() + "/api/no-such-endpoint"), 404);
        assertSecurityHeaders(Http.get(server.httpsBaseUrl() + "/adminCenter/login.jsp"), 200);
        assertSecurityHeaders(Http.get(server.httpsBaseUrl() + "/metrics"), 401);
    }

    @Test
    @Order(7)
    void repeatedFailedSignInsFromOneClientAreRefusedEvenWithTheRightPassword() {
        Http.BasicAuth guess = Http.basicAuth("admin", "guess");
        int failures = 0;
        Http.Response response = Http.post(server.httpsBaseUrl() + CLOCK_OFFSET, "", guess);
        while (response.status() == 401 && failures <= MAX_FAILURES) {
            failures++;
            response = Http.post(server.httpsBaseUrl() + CLOCK_OFFSET, "", guess);
        }

        assertThat(response.status()).as("after %d failures: %s", failures, response.body()).isEqualTo(429);
        assertThat(failures).isLessThanOrEqualTo(MAX_FAILURES);
        assertProblemJson(response);
        assertThat(Long.parseLong(response.header("Retry-After").orElseThrow())).isBetween(1L, 300L);
        assertThat(response.json().getString("type")).endsWith("/too-many-failed-logins");
        assertThat(Http.post(server.httpsBaseUrl() + CLOCK_OFFSET, "", admin).status())
                .as("the right password is not even checked now").isEqualTo(429);
        assertThat(Http.get(server.baseUrl() + "/api/ids/info").status())
                .as("requests without credentials are not affected").isEqualTo(200);
        assertThat(Http.send("GET", server.baseUrl() + "/api/feed/me", null, null, "Authorization",
                "Bearer not-a-token").status()).as("nor is a news feed token from this address checked").isEqualTo(429);
    }

    @Test
    @Order(8)
    void adminPasswordWinsOverTheGeneratedOneAfterARestart() {
        String chosen = "chosen-" + UUID.randomUUID();
        server.setEnv("ADMIN_PASSWORD", chosen);
        server.restart(); // also forgets the failed sign-ins of the test before

        String metrics = server.httpsBaseUrl() + "/metrics";
        // The HTTPS listener opens a moment after the application has started.
        Await.until("the chosen password opens /metrics", () -> statusOrNothing(metrics, Http.basicAuth("admin",
                chosen)), status -> status == 200, Duration.ofSeconds(120));
        assertThat(Http.get(metrics, admin).status()).as("the generated password").isEqualTo(401);
    }

    private static void assertSecurityHeaders(Http.Response response, int expectedStatus) {
        assertThat(response.status()).isEqualTo(expectedStatus);
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.header("X-Frame-Options")).isPresent();
        assertThat(response.header("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors"));
    }

    private static int statusOrNothing(String url, Http.BasicAuth auth) {
        try {
            return Http.get(url, auth).status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static void assertProblemJson(Http.Response response) {
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
