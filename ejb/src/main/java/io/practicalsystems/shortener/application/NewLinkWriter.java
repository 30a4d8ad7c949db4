package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.GroupCommit;
import io.practicalsystems.shortener.application.links.LinkRows;
import io.practicalsystems.shortener.application.links.ShortLink;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Writes one group commit's batch of new links: IDs for the whole batch in one call to the ID generator, then all
 * rows in one transaction. If one of them hits the unique code (an alias someone else has), every row is inserted
 * again in its own transaction, so only the creates whose alias is taken fail (409) and their batch-mates are stored.
 * After the commit, the stored codes are handed to {@code afterCommit} (cache eviction: a negative entry may exist for
 * an alias probed before it was created) before any create is answered.
 */
final class NewLinkWriter implements GroupCommit.BatchWriter<NewLink, ShortLink> {

    private final LinkRows rows;
    private final IntFunction<long[]> ids;
    private final Consumer<List<String>> afterCommit;

    NewLinkWriter(LinkRows rows, IntFunction<long[]> ids, Consumer<List<String>> afterCommit) {
        this.rows = rows;
        this.ids = ids;
        this.afterCommit = afterCommit;
    }

    /** A create of the batch and its row. */
    private record Row(GroupCommit.Entry<NewLink, ShortLink> entry, ShortLink link) {
    }

    @Override
    public void write(List<GroupCommit.Entry<NewLink, ShortLink>> batch) {
        List<Row> stored = insertAllOrEach(withIds(batch));
        if (!stored.isEmpty()) {
            afterCommit.accept(stored.stream().map(row -> row.link().code()).toList());
        }
        stored.forEach(row -> row.entry().succeed(row.link()));
    }

    /** The batch's rows; none (every create failed, 503) if the ID generator cannot issue IDs now. */
    private List<Row> withIds(List<GroupCommit.Entry<NewLink, ShortLink>> batch) {
        long[] issued;
        try {
            issued = ids.apply(batch.size());
        } catch (RuntimeException e) {
            batch.forEach(entry -> entry.fail(
                    new ShortenerExceptions.StorageUnavailable("no short code can be issued: " + e.getMessage(), e)));
            return List.of();
        }
        List<Row> rowsOfBatch = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rowsOfBatch.add(new Row(batch.get(i), batch.get(i).item().withId(issued[i])));
        }
        return rowsOfBatch;
    }

    /** The rows committed; the others' creates are failed here. */
    private List<Row> insertAllOrEach(List<Row> batch) {
        if (batch.isEmpty()) {
            return batch;
        }
        try {
            rows.insertAll(batch.stream().map(Row::link).toList());
            return batch;
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1 || !isUniqueViolation(e)) {
                batch.forEach(row -> row.entry().fail(failure(row.link(), e)));
                return List.of();
            }
        }
        List<Row> stored = new ArrayList<>(batch.size());
        for (Row row : batch) {
            try {
                rows.insert(row.link());
                stored.add(row);
            } catch (SQLException | RuntimeException e) {
                row.entry().fail(failure(row.link(), e));
            }
        }
        return stored;
    }

    /** Whatever else fails (the pool, the driver, the network) is the database being unavailable: 503. */
    private static RuntimeException failure(ShortLink link, Exception e) {
        if (link.customAlias() && isUniqueViolation(e)) {
            return new ShortenerExceptions.AliasTaken(link.code());
        }
        return new ShortenerExceptions.StorageUnavailable("the link database is unavailable", e);
    }

    private static boolean isUniqueViolation(Exception e) {
        return e instanceof SQLException sql && LinkRows.isUniqueViolation(sql);
    }
}
