package io.practicalsystems.platform.rest.ratelimit;

import io.practicalsystems.platform.ratelimit.RateLimitDecision;
import io.practicalsystems.platform.ratelimit.TokenBucketPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response header fields of a rate-limit decision, in the form of the IETF HTTPAPI working group's
 * draft-ietf-httpapi-ratelimit-headers-06 (December 2022), the last revision with one field per value:
 *
 * <pre>
 * RateLimit-Limit: 20              the bucket's capacity (the burst)
 * RateLimit-Remaining: 7           whole tokens left after this request
 * RateLimit-Reset: 65              seconds until the bucket is full again (rounded up)
 * RateLimit-Policy: 20;w=100       capacity per w seconds, w = time to fill an empty bucket (rounded up)
 * Retry-After: 5                   on 429 only: seconds until the next token (rounded up, at least 1)
 * </pre>
 *
 * Later revisions (-07 onwards) replace the first three with one structured {@code RateLimit} field; clients and
 * proxies in the wild mostly read these separate ones. A token bucket has no fixed window: "Reset" is when the
 * quota is whole again, and the policy's window expresses the sustained rate (capacity / w = refill rate).
 */
public final class RateLimitHeaders {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String POLICY = "RateLimit-Policy";
    public static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    public static Map<String, String> of(TokenBucketPolicy policy, RateLimitDecision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIMIT, Long.toString(decision.limit()));
        headers.put(REMAINING, Long.toString(decision.remaining()));
        headers.put(RESET, Long.toString(decision.resetSeconds()));
        headers.put(POLICY, policy.capacity() + ";w=" + policy.windowSeconds());
        if (!decision.allowed()) {
            headers.put(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
        return headers;
    }
}
