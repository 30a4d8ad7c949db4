package io.practicalsystems.platform.docstore;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;

/**
 * JNoSQL repository of {@link ServerStart}s. The explicit provider keeps Liberty's own Jakarta Data provider
 * (data-1.0, if that feature is ever enabled) from claiming it and asking for a SQL DataSource.
 */
@Repository(provider = "Eclipse_JNoSQL")
public interface ServerStarts extends BasicRepository<ServerStart, String> {

    long countByServerName(String serverName);
}
