package io.practicalsystems.crawler.frontier;

/**
 * One URL claimed by one worker; its host is leased to that worker until leaseExpiresAtMillis.
 *
 * @param attempt               0 the first time, +1 per {@link Outcome#RETRY}
 * @param hostConsecutiveErrors the host's errors since its last FETCHED, when claimed (for backoff)
 * @param token                 unique within the crawl; {@link Frontier#complete} rejects a stale one
 * @param dueInMillis           how long after the claim its host is due (0: due already); nothing may be requested
 *                              from the host before then (claims made ahead, see {@link Frontier#claim})
 */
public record Claim(String url, String hostKey, int depth, UrlKind kind, int attempt, int hostConsecutiveErrors,
                    String token, String workerId, long leaseExpiresAtMillis, long dueInMillis) {

    /** A claim of a host that was due already. */
    public Claim(String url, String hostKey, int depth, UrlKind kind, int attempt, int hostConsecutiveErrors,
                 String token, String workerId, long leaseExpiresAtMillis) {
        this(url, hostKey, depth, kind, attempt, hostConsecutiveErrors, token, workerId, leaseExpiresAtMillis, 0);
    }
}
