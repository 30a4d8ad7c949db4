package io.practicalsystems.platform.apikeys;

import java.time.Instant;

/** A key just issued: the only time {@code key} itself is ever seen; afterwards only its hash exists. */
public record IssuedApiKey(String id, String name, String key, Instant createdAt) {
}
