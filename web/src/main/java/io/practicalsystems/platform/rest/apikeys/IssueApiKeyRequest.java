package io.practicalsystems.platform.rest.apikeys;

/** Body of {@code POST /api/keys}: a label for people (optional). */
public record IssueApiKeyRequest(String name) {
}
