package io.practicalsystems.crawler.frontier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Argument checks and the host-page cursor, the same for every {@link Frontier}. */
final class FrontierArgs {

    static final int MAX_CRAWL_ID_LENGTH = 128;
    static final int MAX_CLAIMS = 1000;
    static final int MAX_HOST_PAGE = 1000;
    /** Longest lease (a day): far beyond any fetch, and now + lease never overflows. */
    static final long MAX_LEASE_MS = 86_400_000L;
    /** Claiming further ahead would hold hosts leased while they wait: a second is far more than a task's latency. */
    static final long MAX_CLAIM_AHEAD_MS = 1_000L;

    private FrontierArgs() {
    }

    static String crawlId(String crawlId) {
        if (crawlId == null || crawlId.isEmpty() || crawlId.length() > MAX_CRAWL_ID_LENGTH) {
            throw new IllegalArgumentException("a crawl id has 1 to " + MAX_CRAWL_ID_LENGTH + " characters");
        }
        for (int i = 0; i < crawlId.length(); i++) {
            char c = crawlId.charAt(i);
            if (c == '{' || c == '}' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("a crawl id must not contain braces, spaces or control characters");
            }
        }
        return crawlId;
    }

    static void claimArgs(String workerId, int maxClaims, long leaseMs, long aheadMs) {
        if (aheadMs < 0 || aheadMs > MAX_CLAIM_AHEAD_MS || aheadMs >= leaseMs) {
            throw new IllegalArgumentException("aheadMs must be 0 to " + MAX_CLAIM_AHEAD_MS + " and below the lease, got "
                    + aheadMs);
        }
        if (workerId == null || workerId.isBlank()) {
            throw new IllegalArgumentException("a claim needs a worker id");
        }
        if (maxClaims < 1 || maxClaims > MAX_CLAIMS) {
            throw new IllegalArgumentException("maxClaims must be 1 to " + MAX_CLAIMS + ", got " + maxClaims);
        }
        if (leaseMs < 1 || leaseMs > MAX_LEASE_MS) {
            throw new IllegalArgumentException("leaseMs must be 1 to " + MAX_LEASE_MS + ", got " + leaseMs);
        }
    }

    static void hostPageLimit(int limit) {
        if (limit < 1 || limit > MAX_HOST_PAGE) {
            throw new IllegalArgumentException("a host page holds 1 to " + MAX_HOST_PAGE + " hosts, asked " + limit);
        }
    }

    /** The cursor after {@code lastHostKey}: opaque to callers (it is the host key, base64url). */
    static String cursorAfter(String lastHostKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastHostKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The host key a cursor continues after, or null for the first page. */
    static String hostKeyAfter(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the host cursor is not one this frontier handed out");
        }
    }
}
