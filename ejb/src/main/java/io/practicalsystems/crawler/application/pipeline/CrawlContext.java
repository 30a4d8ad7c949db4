package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.frontier.FrontierLimits;
import io.practicalsystems.crawler.parse.PageParser;
import io.practicalsystems.crawler.politeness.HostDelayPolicy;
import io.practicalsystems.crawler.url.CrawlScope;
import io.practicalsystems.crawler.url.UrlNormalizer;

/**
 * A crawl as the pipeline needs it, with what its definition implies built once (the scope compiles patterns; the
 * parser resolves links with the crawl's normaliser).
 */
public record CrawlContext(String crawlId, CrawlState state, CrawlDefinition definition, UrlNormalizer normalizer,
                           CrawlScope scope, FrontierLimits limits, HostDelayPolicy delays,
                           PageParser parser) {

    public static CrawlContext of(String crawlId, CrawlState state, CrawlDefinition definition,
                                  PipelineOptions options) {
        UrlNormalizer normalizer = definition.normalizer();
        return new CrawlContext(crawlId, state, definition, normalizer, definition.scope(),
                definition.frontierLimits(), options.delayPolicy(definition.minDelayMs()),
                new PageParser(normalizer, PageParser.DEFAULT_MAX_OUTLINKS, PageParser.DEFAULT_MAX_TEXT_CHARS));
    }

    public boolean running() {
        return state == CrawlState.RUNNING;
    }
}
