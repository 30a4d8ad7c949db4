package io.practicalsystems.platform.apikeys;

import java.time.Instant;

/** An issued key as the admin sees it in lists: everything but the secret. {@code revokedAt} null: in use. */
public record ApiKeyView(String id, String name, Instant createdAt, Instant revokedAt) {
}
