package io.practicalsystems.idgen;

/**
 * The parts of an ID as laid out by an {@link IdLayout}.
 *
 * @param id                  the ID that was decoded
 * @param timestampSinceEpoch milliseconds since the generator's epoch (add the epoch for wall-clock time)
 * @param workerId            the worker (instance) that issued the ID
 * @param sequence            position of the ID within its millisecond on that worker
 */
public record DecodedId(long id, long timestampSinceEpoch, long workerId, long sequence) {
}
