package io.practicalsystems.feed.rest;

import io.practicalsystems.platform.rest.NumberParameter;

/** The feed's path and query parameters, checked: IDs are positive longs, page sizes 1..100 (default 20). */
final class FeedParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private FeedParameters() {
    }

    static long id(String field, String raw) {
        return NumberParameter.required(field, raw, 1, Long.MAX_VALUE);
    }

    static int limit(String raw) {
        return (int) NumberParameter.optional("limit", raw, 1, MAX_LIMIT, DEFAULT_LIMIT);
    }
}
