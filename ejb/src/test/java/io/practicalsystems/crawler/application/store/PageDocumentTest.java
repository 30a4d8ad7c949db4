package io.practicalsystems.crawler.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageDocumentTest {

    @Test
    void theIdDependsOnCrawlAndUrlOnly() {
        String id = PageDocument.idFor("123", "https://example.org/");
        assertThat(id).matches("123:[0-9a-f]{32}");
        assertThat(PageDocument.idFor("123", "https://example.org/")).isEqualTo(id);
        assertThat(PageDocument.idFor("123", "https://example.org/a")).isNotEqualTo(id);
        assertThat(PageDocument.idFor("124", "https://example.org/")).isNotEqualTo(id);
    }

    @Test
    void aCrawlsPagesAreOneIdRangeThatNoOtherCrawlsPagesEnter() {
        String low = PageDocument.firstIdAfter("12");
        String high = PageDocument.idAboveAll("12");
        String mine = PageDocument.idFor("12", "https://example.org/");
        assertThat(mine).isGreaterThan(low).isLessThan(high);
        // Crawl "123" shares the prefix "12" but its ids continue with a digit, not the separator.
        for (String other : new String[] {PageDocument.idFor("123", "https://example.org/"),
                PageDocument.idFor("1", "https://example.org/"), PageDocument.idFor("13", "https://example.org/")}) {
            assertThat(other.compareTo(low) > 0 && other.compareTo(high) < 0).as(other).isFalse();
        }
    }
}
