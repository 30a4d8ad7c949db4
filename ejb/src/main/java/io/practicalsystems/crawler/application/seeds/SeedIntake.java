package io.practicalsystems.crawler.application.seeds;

import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.url.CrawlScope;
import io.practicalsystems.crawler.url.InvalidUrlException;
import io.practicalsystems.crawler.url.NormalizedUrl;
import io.practicalsystems.crawler.url.ScopeDecision;
import io.practicalsystems.crawler.url.UrlNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which submitted URLs a crawl takes, by the rules of its own definition: each URL is normalised as the crawl
 * normalises, must be no longer than its {@code maxUrlLength} and inside its scope (domains, patterns, trap rules);
 * repeats collapse. Each URL is judged alone: one bad URL does not cost the others their place. The frontier then
 * applies its limits (depth, per host, query variants) and the seen set, so a URL already known is not queued again.
 */
public final class SeedIntake {

    private SeedIntake() {
    }

    /**
     * @param urls      the URLs to offer, as the frontier takes seeds (depth 0)
     * @param rejected  refused URLs by reason ({@code invalid-url}, {@code too-long}, or the scope's reason in lower
     *                  case, e.g. {@code domain_not_allowed}), for the log
     */
    public record Intake(List<FrontierUrl> urls, Map<String, Integer> rejected) {

        public Intake {
            urls = List.copyOf(urls);
            rejected = Map.copyOf(rejected);
        }

        public int rejectedCount() {
            return rejected.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public static Intake judge(CrawlDefinition definition, List<String> submitted) {
        UrlNormalizer normalizer = definition.normalizer();
        CrawlScope scope = definition.scope();
        Set<String> seen = new LinkedHashSet<>();
        List<FrontierUrl> urls = new ArrayList<>();
        Map<String, Integer> rejected = new LinkedHashMap<>();
        for (String raw : submitted) {
            if (raw.length() > definition.maxUrlLength()) {
                rejected.merge("too-long", 1, Integer::sum);
                continue;
            }
            NormalizedUrl url;
            try {
                url = normalizer.normalize(raw);
            } catch (InvalidUrlException e) {
                rejected.merge("invalid-url", 1, Integer::sum);
                continue;
            }
            ScopeDecision decision = scope.decide(url);
            if (!decision.inScope()) {
                rejected.merge(decision.reason().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            } else if (seen.add(url.value())) {
                urls.add(CrawlDefinition.seedUrl(url));
            }
        }
        return new Intake(urls, rejected);
    }
}
