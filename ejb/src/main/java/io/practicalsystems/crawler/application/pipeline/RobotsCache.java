package io.practicalsystems.crawler.application.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.robots.RobotsDecision;
import io.practicalsystems.crawler.robots.RobotsPolicy;
import io.practicalsystems.crawler.url.NormalizedUrl;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongSupplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * robots.txt per crawl and origin, shared by every server: the response (status, type, first 500 KiB of the body,
 * or why it could not be fetched) is kept in Redis with the expiry of the decision made from it, so a host's
 * robots.txt is fetched once per expiry by whichever server holds the host's lease, and every server decides from
 * the same bytes. Each server also keeps parsed decisions in memory until the same expiry, so a page fetch costs no
 * Redis read and no parse. Thread-safe.
 */
public final class RobotsCache {

    /** A decision and when it expires (epoch ms of this server's clock). */
    public record Cached(RobotsDecision decision, long expiresAtMillis) {
    }

    private static final int LOCAL_ENTRIES = 10_000;

    private final UnifiedJedis redis;
    private final String prefix;
    private final RobotsPolicy policy;
    private final String userAgentToken;
    private final LongSupplier clock;
    private final Cache<String, Cached> local = Caffeine.newBuilder().maximumSize(LOCAL_ENTRIES).build();

    /** @param prefix put before every key ("" in production, unique per test) */
    public RobotsCache(UnifiedJedis redis, String prefix, RobotsPolicy policy, String userAgentToken,
                       LongSupplier clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.policy = policy;
        this.userAgentToken = userAgentToken;
        this.clock = clock;
    }

    /** The decision for the URL's origin, if robots.txt was fetched and has not expired. */
    public Optional<Cached> find(String crawlId, NormalizedUrl url) {
        return findForOrigin(crawlId, url.origin());
    }

    /** The decision for an origin ({@code scheme://host[:port]}), as {@link #find} — for views that have no URL. */
    public Optional<Cached> findForOrigin(String crawlId, String origin) {
        String key = new PipelineKeys(prefix, crawlId).robots(origin);
        long now = clock.getAsLong();
        Cached cached = local.getIfPresent(key);
        if (cached != null && cached.expiresAtMillis() > now) {
            return Optional.of(cached);
        }
        String stored = redis.get(key);
        if (stored == null) {
            local.invalidate(key);
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(stored))) {
            JsonObject o = reader.readObject();
            long expiresAt = o.getJsonNumber("expiresAt").longValue();
            if (expiresAt <= now) {
                return Optional.empty(); // another server's clock runs behind ours; Redis drops the key soon
            }
            cached = new Cached(decide(o, origin + "/robots.txt"), expiresAt);
            local.put(key, cached);
            return Optional.of(cached);
        }
    }

    /** Decides from a robots.txt fetch, stores the response for every server, and returns the decision. */
    public RobotsDecision store(String crawlId, NormalizedUrl url, FetchResult response) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        if (response instanceof FetchResult.Fetched f) {
            byte[] body = f.body().length > RobotsPolicy.MAX_ROBOTS_BYTES
                    ? Arrays.copyOf(f.body(), RobotsPolicy.MAX_ROBOTS_BYTES) : f.body();
            o.add("status", f.status()).add("type", f.contentType())
                    .add("body", Base64.getEncoder().encodeToString(body));
        } else if (response instanceof FetchResult.Redirect r) {
            o.add("status", r.status()); // not followed: politeness counts every request, see docs/crawler.md
        } else if (response instanceof FetchResult.Skipped s) {
            o.add("status", s.status()).add("type", s.contentType());
        } else if (response instanceof FetchResult.HttpError e) {
            o.add("status", e.status());
        } else if (response instanceof FetchResult.Failed failed) {
            o.add("failure", failed.kind().name().toLowerCase() + ": " + failed.message());
        }
        JsonObject partial = o.build();
        RobotsDecision decision = decide(partial, url.robotsUrl());
        long expiresAt = clock.getAsLong() + decision.expiresAfterMs();
        JsonObject stored = Json.createObjectBuilder(partial).add("expiresAt", expiresAt).build();
        String key = new PipelineKeys(prefix, crawlId).robots(url.origin());
        redis.set(key, stored.toString(), SetParams.setParams().px(Math.max(1, decision.expiresAfterMs())));
        local.put(key, new Cached(decision, expiresAt));
        return decision;
    }

    private RobotsDecision decide(JsonObject o, String robotsUrl) {
        if (o.containsKey("failure")) {
            return policy.fromFailure(o.getString("failure"));
        }
        byte[] body = o.containsKey("body") ? Base64.getDecoder().decode(o.getString("body")) : null;
        String type = o.containsKey("type") && !o.getString("type").isEmpty() ? o.getString("type") : null;
        return policy.fromResponse(o.getInt("status"), body, type, robotsUrl, userAgentToken);
    }
}
