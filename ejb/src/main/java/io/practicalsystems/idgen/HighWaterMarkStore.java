package io.practicalsystems.idgen;

/**
 * Durable storage for a ceiling on the timestamps a generator has issued (or may issue).
 *
 * <p>Why: a generator's in-memory "last timestamp" is lost on restart. If the process comes back on a clock that is
 * behind (NTP step, VM migration, a different host with the same worker ID), it would reissue IDs it already handed
 * out. Persisting a ceiling before issuing below it lets the new process refuse, or wait, until its clock is past it.
 *
 * <p>Implementations are called from a slow path about once per reservation window, never per ID.
 */
public interface HighWaterMarkStore {

    /** The last persisted ceiling in epoch millis, or 0 if nothing was ever persisted. */
    long load();

    /**
     * Durably records that IDs may have been issued with timestamps up to {@code epochMillisCeiling}. Must not return
     * before the value is durable; throwing means nothing was promised and the generator issues no ID that needs it.
     */
    void persist(long epochMillisCeiling);
}
