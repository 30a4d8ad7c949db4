package io.practicalsystems.crawler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.dedup.SimHash;
import io.practicalsystems.crawler.parse.PageParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSiteTest {

    /** The crawler's default near-duplicate threshold (ps.crawler.simhash-threshold). */
    private static final int NEAR_DUPLICATE_BITS = 8;

    @Test
    void noPageOfTheSiteIsANearDuplicateOfAnother() {
        // more pages per host than the old seed (31 * host + page) could tell apart
        BenchSite site = new BenchSite(20, 40, 80);
        PageParser parser = new PageParser();
        List<Long> fingerprints = new ArrayList<>();
        int closest = 64;
        for (int host = 0; host < 20; host++) {
            for (int page = 0; page < 40; page++) {
                long fingerprint = SimHash.of(parser.parse(site.body(host, page), "utf-8", site.url(host, page)).text());
                for (long other : fingerprints) {
                    closest = Math.min(closest, SimHash.hamming(fingerprint, other));
                }
                fingerprints.add(fingerprint);
            }
        }
        assertThat(closest).as("fewest differing bits between two pages").isGreaterThan(NEAR_DUPLICATE_BITS);
    }

    @Test
    void everyPageLinksItsChildrenAndTheNextHost() {
        BenchSite site = new BenchSite(3, 12, 8080);
        List<String> links = new PageParser().parse(site.body(2, 1), "utf-8", site.url(2, 1)).outlinks().stream()
                .map(link -> link.url()).toList();

        assertThat(links).containsExactlyInAnyOrder(site.url(2, 6), site.url(2, 7), site.url(2, 8), site.url(2, 9),
                site.url(2, 10), site.url(0, 0));
    }
}
