package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.dedup.ContentFingerprint;
import io.practicalsystems.crawler.dedup.NearDuplicateBands;
import io.practicalsystems.platform.redis.LuaScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The fingerprints of a crawl's pages, shared by every server, answering "does this page duplicate one seen
 * before?" atomically with recording it (one Lua script), so two servers fetching copies at the same moment cannot
 * both be first. Exact: a hash of body SHA-256 → first URL. Near: one set per SimHash band value
 * ({@link NearDuplicateBands}); a new page is compared bit by bit only with the members of its bands' sets, and a
 * page within the threshold is a near-duplicate. Pages without text (SimHash 0) are compared exactly only. A URL is
 * never its own duplicate, so a page fetched again after a crash is recognised as itself.
 */
public final class ContentIndex {

    /** What a page duplicates: {@code exact} or {@code near}, and the URL of the page seen first. */
    public record Duplicate(boolean exact, String of) {
    }

    /** Members compared per band at most: a band shared by very many pages is sampled, not read whole. */
    static final int MAX_BAND_MEMBERS = 1024;

    private static final LuaScript CHECK_AND_RECORD = LuaScript.fromResource("/META-INF/crawler/pipeline/dedup.lua");

    private final UnifiedJedis redis;
    private final String prefix;
    private final NearDuplicateBands bands;

    /** @param prefix put before every key ("" in production, unique per test) */
    public ContentIndex(UnifiedJedis redis, String prefix, int maxDistance) {
        this.redis = redis;
        this.prefix = prefix;
        this.bands = new NearDuplicateBands(maxDistance);
    }

    /** The page {@code url} duplicates, or null; records the page's fingerprint when it duplicates none. */
    public Duplicate checkAndRecord(String crawlId, String url, ContentFingerprint fingerprint) {
        PipelineKeys keys = new PipelineKeys(prefix, crawlId);
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(keys.contentHashes());
        boolean near = fingerprint.simHash() != 0;
        if (near) {
            bands.keys(fingerprint.simHash()).forEach(band -> scriptKeys.add(keys.band(band)));
        }
        long simHash = fingerprint.simHash();
        Object reply = CHECK_AND_RECORD.run(redis, scriptKeys, List.of(fingerprint.sha256Hex(), url,
                Integer.toString((int) (simHash >>> 32)), Integer.toString((int) simHash),
                Integer.toString(bands.maxDistance()), Integer.toString(MAX_BAND_MEMBERS)));
        List<?> answer = (List<?>) reply;
        String kind = text(answer.get(0));
        return kind.equals("new") ? null : new Duplicate(kind.equals("exact"), text(answer.get(1)));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value;
    }
}
