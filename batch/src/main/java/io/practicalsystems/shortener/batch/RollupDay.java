package io.practicalsystems.shortener.batch;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/** The {@code day} job parameter (yyyy-MM-dd, UTC); absent means yesterday. */
final class RollupDay {

    static final String PARAMETER = "day";

    private RollupDay() {
    }

    static LocalDate from(Properties jobParameters) {
        String value = jobParameters == null ? null : jobParameters.getProperty(PARAMETER);
        if (value == null || value.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC).minusDays(1);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("job parameter day must be yyyy-MM-dd, got '" + value + "'", e);
        }
    }
}
