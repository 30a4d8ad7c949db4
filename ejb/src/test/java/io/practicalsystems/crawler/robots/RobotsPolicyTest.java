package io.practicalsystems.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.crawler.robots.RobotsDecision.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RobotsPolicyTest {

    private static final String ROBOTS_URL = "http://site.test/robots.txt";
    private static final String AGENT = "PracticalBot";

    private final RobotsPolicy policy = new RobotsPolicy(Duration.ofHours(24), Duration.ofMinutes(5), 20_000);

    private RobotsDecision parsed(String robotsTxt) {
        return policy.fromResponse(200, robotsTxt.getBytes(StandardCharsets.UTF_8), "text/plain", ROBOTS_URL, AGENT);
    }

    @Test
    void parsedRulesApplyToOurAgentAndListSitemaps() {
        RobotsDecision decision = parsed("""
                User-agent: *
                Disallow: /

                User-agent: practicalbot
                Disallow: /private/
                Allow: /private/open.html
                Crawl-delay: 2

                Sitemap: http://site.test/sitemap.xml
                """);

        assertThat(decision.kind()).isEqualTo(Kind.PARSED);
        assertThat(decision.allows("http://site.test/page.html")).isTrue();
        assertThat(decision.allows("http://site.test/private/secret.html")).isFalse();
        assertThat(decision.allows("http://site.test/private/open.html")).isTrue();
        assertThat(decision.crawlDelayMs()).isEqualTo(2_000);
        assertThat(decision.sitemaps()).containsExactly("http://site.test/sitemap.xml");
        assertThat(decision.expiresAfterMs()).isEqualTo(Duration.ofHours(24).toMillis());
        assertThat(decision.retryAfterMs()).isZero();
    }

    @Test
    void otherAgentsGroupsDoNotApplyAndWildcardDoes() {
        RobotsDecision decision = parsed("""
                User-agent: otherbot
                Disallow: /

                User-agent: *
                Disallow: /cgi-bin/
                """);

        assertThat(decision.allows("http://site.test/")).isTrue();
        assertThat(decision.allows("http://site.test/cgi-bin/x")).isFalse();
        assertThat(decision.crawlDelayMs()).isZero();
    }

    @Test
    void aWholeUserAgentHeaderIsReducedToItsProductToken() {
        byte[] robots = "User-agent: practicalbot\nDisallow: /mine/\n\nUser-agent: *\nDisallow: /all/\n"
                .getBytes(StandardCharsets.UTF_8);
        RobotsDecision decision = policy.fromResponse(200, robots, "text/plain", ROBOTS_URL,
                "PracticalBot/0.1 (+https://example.com/bot)");
        RobotsDecision noToken = policy.fromResponse(200, robots, "text/plain", ROBOTS_URL, "/0.1");

        assertThat(RobotsPolicy.productToken(" PracticalBot/0.1 (+https://example.com/bot)")).isEqualTo("practicalbot");
        assertThat(RobotsPolicy.productToken("my_crawler-x 2")).isEqualTo("my_crawler-x");
        assertThat(decision.allows("http://site.test/mine/a")).isFalse();
        assertThat(decision.allows("http://site.test/all/a")).isTrue();
        assertThat(noToken.allows("http://site.test/mine/a")).isTrue();
        assertThat(noToken.allows("http://site.test/all/a")).isFalse();
    }

    @Test
    void aHugeCrawlDelayIsCappedNotTurnedIntoDisallowAll() {
        RobotsDecision decision = parsed("User-agent: *\nCrawl-delay: 3600\n");

        assertThat(decision.allows("http://site.test/a")).isTrue();
        assertThat(decision.crawlDelayMs()).isEqualTo(20_000);
    }

    @Test
    void emptyOrHtmlBodiesMeanNoRules() {
        assertThat(parsed("").allows("http://site.test/x")).isTrue();
        assertThat(policy.fromResponse(200, null, null, ROBOTS_URL, AGENT).allows("http://site.test/x")).isTrue();
        assertThat(policy.fromResponse(200, "<html><body>Welcome</body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html", ROBOTS_URL, AGENT).allows("http://site.test/x")).isTrue();
    }

    @Test
    void onlyTheFirst500KibAreRead() {
        String padding = "# " + "x".repeat(RobotsPolicy.MAX_ROBOTS_BYTES) + "\n";
        RobotsDecision decision = parsed("User-agent: *\nDisallow: /a\n" + padding + "Disallow: /b\n");

        assertThat(decision.allows("http://site.test/a")).isFalse();
        assertThat(decision.allows("http://site.test/b")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 418, 301, 302, 308})
    void clientErrorsAndUnfollowedRedirectsAllowAll(int status) {
        RobotsDecision decision = policy.fromResponse(status, new byte[0], null, ROBOTS_URL, AGENT);

        assertThat(decision.kind()).isEqualTo(Kind.ALLOW_ALL);
        assertThat(decision.allows("http://site.test/anything")).isTrue();
        assertThat(decision.expiresAfterMs()).isEqualTo(Duration.ofHours(24).toMillis());
        assertThat(decision.reason()).contains(String.valueOf(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504, 599, 100, 600})
    void tooManyRequestsAndServerErrorsDisallowAllAndRetrySoon(int status) {
        RobotsDecision decision = policy.fromResponse(status, "User-agent: *\nAllow: /\n".getBytes(
                StandardCharsets.UTF_8), "text/plain", ROBOTS_URL, AGENT);

        assertThat(decision.kind()).isEqualTo(Kind.DISALLOW_ALL);
        assertThat(decision.allows("http://site.test/")).isFalse();
        assertThat(decision.retryAfterMs()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(decision.expiresAfterMs()).isEqualTo(decision.retryAfterMs());
    }

    @Test
    void fetchFailuresDisallowAllAndRetrySoon() {
        RobotsDecision decision = policy.fromFailure("connect timed out");

        assertThat(decision.kind()).isEqualTo(Kind.DISALLOW_ALL);
        assertThat(decision.allows("http://site.test/")).isFalse();
        assertThat(decision.retryAfterMs()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(decision.reason()).contains("connect timed out");
        assertThat(decision.sitemaps()).isEmpty();
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new RobotsPolicy(Duration.ZERO, Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RobotsPolicy(Duration.ofHours(1), Duration.ofMinutes(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
