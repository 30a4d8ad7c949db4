/** Distributed rate limiting: named token-bucket policies whose buckets live in Redis, shared by every server. */
package io.practicalsystems.platform.ratelimit;
