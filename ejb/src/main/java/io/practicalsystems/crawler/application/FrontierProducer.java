package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.InMemoryFrontier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Lets any bean {@code @Inject Frontier}. TEMPORARY: this server's in-memory frontier (lost on restart, not shared
 * between servers) until {@code RedisFrontier} is on main; then it produces {@code new RedisFrontier(redis)}.
 */
@ApplicationScoped
public class FrontierProducer {

    @Produces
    @ApplicationScoped
    Frontier frontier() {
        return new InMemoryFrontier(System::currentTimeMillis);
    }
}
