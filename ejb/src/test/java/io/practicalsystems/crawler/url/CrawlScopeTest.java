package io.practicalsystems.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.crawler.url.ScopeDecision.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlScopeTest {

    private final UrlNormalizer normalizer = new UrlNormalizer();

    private ScopeDecision decide(CrawlScope scope, String url) {
        return scope.decide(normalizer.normalize(url));
    }

    @Test
    void allowedDomainsMatchOnLabelBoundaries() {
        CrawlScope scope = CrawlScope.ofDomains(List.of("Example.com", "*.other.org", ".bücher.de"));

        assertThat(decide(scope, "http://example.com/").inScope()).isTrue();
        assertThat(decide(scope, "http://a.b.example.com:8080/").inScope()).isTrue();
        assertThat(decide(scope, "http://www.other.org/").inScope()).isTrue();
        assertThat(decide(scope, "http://shop.xn--bcher-kva.de/").inScope()).isTrue();
        assertThat(decide(scope, "http://badexample.com/").reason()).isEqualTo(Reason.DOMAIN_NOT_ALLOWED);
        assertThat(decide(scope, "http://example.com.evil.net/").reason()).isEqualTo(Reason.DOMAIN_NOT_ALLOWED);
        assertThat(decide(scope, "http://com/").reason()).isEqualTo(Reason.DOMAIN_NOT_ALLOWED);
    }

    @Test
    void deniedDomainsWinAndAnEmptyAllowListAllowsAll() {
        CrawlScope scope = new CrawlScope(List.of(), List.of("ads.example.com"), List.of(), List.of(), 2048, 3);

        assertThat(decide(scope, "http://anything.net/").inScope()).isTrue();
        assertThat(decide(scope, "http://example.com/").inScope()).isTrue();
        ScopeDecision denied = decide(scope, "http://x.ads.example.com/");
        assertThat(denied.reason()).isEqualTo(Reason.DOMAIN_DENIED);
        assertThat(denied.message()).contains("ads.example.com");
    }

    @Test
    void patternsIncludeAndExclude() {
        CrawlScope scope = new CrawlScope(List.of(), List.of(), List.of("/docs/", "/blog/"), List.of("\\.pdf$"),
                2048, 3);

        assertThat(decide(scope, "http://e.com/docs/a.html").inScope()).isTrue();
        assertThat(decide(scope, "http://e.com/shop/").reason()).isEqualTo(Reason.NOT_INCLUDED);
        assertThat(decide(scope, "http://e.com/docs/a.pdf").reason()).isEqualTo(Reason.EXCLUDED);
    }

    @Test
    void trapLimits() {
        CrawlScope scope = new CrawlScope(List.of(), List.of(), List.of(), List.of(), 40, 2);

        assertThat(decide(scope, "http://e.com/" + "a".repeat(40)).reason()).isEqualTo(Reason.URL_TOO_LONG);
        assertThat(decide(scope, "http://e.com/x/y/x/y/").inScope()).isTrue();
        assertThat(decide(scope, "http://e.com/x/y/x/y/x").reason()).isEqualTo(Reason.PATH_REPETITION);
    }

    @Test
    void rejectsBadConfigurationWithASentence() {
        assertThatThrownBy(() -> new CrawlScope(List.of(), List.of(), List.of("(unclosed"), List.of(), 100, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> new CrawlScope(List.of(), List.of(), List.of("a".repeat(501)), List.of(), 100, 3))
                .hasMessageContaining("1 to 500 characters");
        assertThatThrownBy(() -> CrawlScope.ofDomains(List.of("http://example.com/")))
                .hasMessageContaining("not a domain name");
        assertThatThrownBy(() -> CrawlScope.ofDomains(List.of("a..b"))).hasMessageContaining("not a domain name");
        assertThatThrownBy(() -> new CrawlScope(List.of(), List.of(), List.of(), List.of(), 0, 3))
                .hasMessageContaining("at least 1");
    }

    @Test
    void pathKeyIsTheUrlWithoutItsQuery() {
        NormalizedUrl a = normalizer.normalize("http://E.com:8080/cal?day=1");
        NormalizedUrl b = normalizer.normalize("http://e.com:8080/cal?day=2");

        assertThat(TrapRules.pathKey(a)).isEqualTo("http://e.com:8080/cal").isEqualTo(TrapRules.pathKey(b));
        assertThat(TrapRules.maxSegmentRepetitions(normalizer.normalize("http://e.com/a/b/a/b/a"))).isEqualTo(3);
    }
}
