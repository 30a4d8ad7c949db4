package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.InvalidParameterException;

/** {@code page} (0-based, default 0) and {@code size} (1..max, default 20) of list endpoints. */
final class PageParameters {

    private PageParameters() {
    }

    static int page(String raw) {
        int value = parse("page", raw, 0);
        if (value < 0 || value > 1_000_000) {
            throw new InvalidParameterException("page", "page must be in 0..1000000, got " + value);
        }
        return value;
    }

    static int size(String raw, int max) {
        int value = parse("size", raw, 20);
        if (value < 1 || value > max) {
            throw new InvalidParameterException("size", "size must be in 1.." + max + ", got " + value);
        }
        return value;
    }

    private static int parse(String field, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, field + " must be a whole number, got '" + raw + "'");
        }
    }
}
