package io.practicalsystems.crawler.application.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One fetched (or failed, or duplicate) URL of a crawl (collection {@value #COLLECTION}). The id is
 * {@link #idFor(String, String) crawlId + ":" + a hash of the URL}, so storing the same URL again replaces the
 * document instead of adding one, and all pages of a crawl are one contiguous range of ids: listing them needs only
 * the _id index (the one index the embedded store enforces; real MongoDB uses it the same way).
 *
 * @param status       HTTP status, or 0 when no response arrived (see {@code errorKind})
 * @param duplicateOf  the URL this page's content duplicates (exact or near), else null; duplicates keep their
 *                     metadata but their links are not followed
 * @param truncated    the body was longer than the configured maximum and was cut
 * @param errorKind    short machine-readable kind of failure (e.g. {@code timeout}, {@code dns}), else null
 * @param links        the followable links offered to the frontier from this page (a redirect: its target), bounded,
 *                     so a frontier lost with its Redis can be rebuilt from the documents
 */
@Entity(PageDocument.COLLECTION)
public record PageDocument(@Id String id, @Column String crawlId, @Column String url, @Column int status,
                           @Column String contentType, @Column String title, @Column String description,
                           @Column String canonical, @Column String language, @Column List<String> headings,
                           @Column int outlinks, @Column long fetchedAt, @Column int depth,
                           @Column String contentHash, @Column long simHash, @Column String duplicateOf,
                           @Column boolean truncated, @Column String errorKind, @Column List<String> links) {

    public static final String COLLECTION = "crawl_pages";
    /** Separates the crawl id from the URL hash in page ids; the next character bounds a crawl's id range. */
    static final char SEPARATOR = ':';

    /** The id of {@code url}'s page in crawl {@code crawlId}: 128 bits of its SHA-256, hex. */
    public static String idFor(String crawlId, String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return crawlId + SEPARATOR + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }

    /** Lowest id any page of the crawl can have, exclusive. */
    static String firstIdAfter(String crawlId) {
        return crawlId + SEPARATOR;
    }

    /** An id above every page id of the crawl. */
    static String idAboveAll(String crawlId) {
        return crawlId + (char) (SEPARATOR + 1);
    }
}
