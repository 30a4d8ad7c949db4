/**
 * The SQL side of the nightly {@code click-rollup} job. Glossary: {@code DailyRollup} (core) sums stored click counts
 * into {@code DailyStat}s (core: clicks per code, UTC day, referrer host and agent family); a
 * {@link io.practicalsystems.shortener.application.rollup.StoredDailyStat} is a DailyStat as one SQL row
 * ({@code SHORTENER_DAILY_STAT}); a {@link io.practicalsystems.shortener.application.rollup.RolledUpDay} marks a day
 * the job has finished, from which on stats read it from SQL instead of the live Redis counters.
 */
package io.practicalsystems.shortener.application.rollup;
