package io.practicalsystems.platform.rest;

/**
 * Whole-number request parameters (query or path): parsed here once, so every endpoint rejects bad input the same
 * way — a 400 problem naming the field — instead of JAX-RS's 404 for an unconvertible {@code @QueryParam int}.
 */
public final class NumberParameter {

    private NumberParameter() {
    }

    /** A required value in {@code min..max}. */
    public static long required(String field, String raw, long min, long max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException(field, field + " is required: " + min + ".." + max);
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field,
                    field + " must be a whole number in " + min + ".." + max + ", got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(field, field + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** An optional value in {@code min..max}; {@code fallback} when absent or blank. */
    public static long optional(String field, String raw, long min, long max, long fallback) {
        return raw == null || raw.isBlank() ? fallback : required(field, raw, min, max);
    }
}
