package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.HostDetails;
import io.practicalsystems.crawler.application.pipeline.RobotsCache;
import io.practicalsystems.crawler.robots.RobotsDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The hosts view's robots.txt state, read from the fetch pipeline's own {@link RobotsCache} (shared through Redis),
 * so every server shows what any server fetched. A host key has no scheme: robots.txt is kept per origin, and https
 * is looked up before http.
 */
@ApplicationScoped
public class PipelineHostDetails implements HostDetails {

    private static final List<String> SCHEMES = List.of("https://", "http://");

    @Inject
    FetchPipelineService pipeline;

    @Override
    public Optional<Details> of(String crawlId, String hostKey) {
        for (String scheme : SCHEMES) {
            Optional<RobotsCache.Cached> cached = pipeline.robots().findForOrigin(crawlId, scheme + hostKey);
            if (cached.isPresent()) {
                RobotsDecision decision = cached.get().decision();
                return Optional.of(new Details(state(decision.kind()), decision.crawlDelayMs()));
            }
        }
        return Optional.empty();
    }

    static String state(RobotsDecision.Kind kind) {
        return switch (kind) {
            case PARSED -> "rules";
            case ALLOW_ALL -> "allow-all";
            case DISALLOW_ALL -> "unavailable";
        };
    }
}
