package io.practicalsystems.idgen.rest;

import io.practicalsystems.platform.rest.InvalidParameterException;

/** Parses request parameters of the ID endpoints, rejecting bad input with a 400 that names the field. */
final class IdParameters {

    private IdParameters() {
    }

    static int count(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException("count", "count is required: 1.." + max);
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("count", "count must be a whole number in 1.." + max + ", got '" + raw + "'");
        }
        if (value < 1 || value > max) {
            throw new InvalidParameterException("count", "count must be in 1.." + max + ", got " + value);
        }
        return (int) value;
    }

    static long id(String raw) {
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("id", "id must be a decimal 64-bit integer, got '" + raw + "'");
        }
        if (value < 0) {
            throw new InvalidParameterException("id", "id must not be negative, got " + value);
        }
        return value;
    }
}
