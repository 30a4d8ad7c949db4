package io.practicalsystems.idgen.application;

import io.practicalsystems.idgen.HighWaterMarkStore;

/** The generator's {@link HighWaterMarkStore} for one worker ID, persisted through JPA. */
final class SqlHighWaterMarkStore implements HighWaterMarkStore {

    private final HighWaterMarkRepository repository;
    private final int workerId;

    SqlHighWaterMarkStore(HighWaterMarkRepository repository, int workerId) {
        this.repository = repository;
        this.workerId = workerId;
    }

    @Override
    public long load() {
        try {
            return repository.load(workerId);
        } catch (RuntimeException e) {
            throw new HighWaterMarkUnavailableException("cannot read the high-water mark of worker " + workerId
                    + " from the SQL database", e);
        }
    }

    @Override
    public void persist(long epochMillisCeiling) {
        try {
            repository.raise(workerId, epochMillisCeiling);
        } catch (RuntimeException e) {
            throw new HighWaterMarkUnavailableException("cannot record the high-water mark of worker " + workerId
                    + " in the SQL database, so no newer ID may be issued", e);
        }
    }
}
