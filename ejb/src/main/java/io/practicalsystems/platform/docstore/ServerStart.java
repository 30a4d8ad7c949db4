package io.practicalsystems.platform.docstore;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;

/**
 * One start of one Liberty server, written by {@link DocumentStoreSelfCheck}. A real document with a real
 * use: the count per server shows the store works end to end and that documents survive restarts.
 */
@Entity("server_starts")
public record ServerStart(@Id String id, @Column String serverName, @Column Instant startedAt) {
}
