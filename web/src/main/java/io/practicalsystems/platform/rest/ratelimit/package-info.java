/**
 * Rate limiting over HTTP: the {@code @RateLimited} filter, who a request counts against, and the RateLimit-* response
 * headers.
 */
package io.practicalsystems.platform.rest.ratelimit;
