package io.practicalsystems.crawler.application.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.application.SeenSetDefinition;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedIntakeTest {

    private static final CrawlDefinition.Defaults DEFAULTS = new CrawlDefinition.Defaults(5, 10_000, 1000, 1000, 2048,
            3, 100, true, new SeenSetDefinition.Bounds(1_000_000, 4 << 20));

    private static CrawlDefinition crawl(List<String> allowed, List<String> excludes, Long maxUrlLength) {
        return CrawlDefinition.validate(new CrawlDefinition.Draft(List.of("https://www.example.org/"), allowed,
                List.of(), List.of(), excludes, null, null, null, null, null, maxUrlLength, null, null, null, null),
                DEFAULTS);
    }

    @Test
    void takesUrlsInScopeNormalisedAsTheCrawlNormalisesAtDepthZero() {
        SeedIntake.Intake intake = SeedIntake.judge(crawl(List.of("example.org"), List.of(), null),
                List.of("HTTPS://News.Example.org:443/a/../b?z=1&a=2#top", "https://example.org/c"));
        assertThat(intake.urls()).extracting(FrontierUrl::url)
                .containsExactly("https://news.example.org/b?a=2&z=1", "https://example.org/c");
        assertThat(intake.urls()).extracting(FrontierUrl::depth).containsOnly(0);
        assertThat(intake.urls()).extracting(FrontierUrl::hostKey).doesNotContainNull();
        assertThat(intake.rejected()).isEmpty();
    }

    @Test
    void judgesEachUrlAloneAndCountsWhyOneWasRefused() {
        SeedIntake.Intake intake = SeedIntake.judge(crawl(List.of("example.org"), List.of(".*/private/.*"), 64L),
                List.of("https://example.org/ok", "ftp://example.org/file", "not a url",
                        "https://elsewhere.test/", "https://example.org/private/x",
                        "https://example.org/" + "y".repeat(64), "https://example.org/ok#again"));
        assertThat(intake.urls()).extracting(FrontierUrl::url).containsExactly("https://example.org/ok");
        assertThat(intake.rejected()).containsEntry("invalid-url", 2).containsEntry("domain_not_allowed", 1)
                .containsEntry("excluded", 1).containsEntry("too-long", 1);
        assertThat(intake.rejectedCount()).isEqualTo(5);
    }
}
