package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.GroupCommit;
import io.practicalsystems.shortener.application.links.LinkRows;
import io.practicalsystems.shortener.application.links.ShortLink;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes one group commit's batch of new links: all rows in one transaction. If one of them hits the unique code (an
 * alias someone else has), every row is inserted again in its own transaction, so only the creates whose alias is
 * taken fail (409) and their batch-mates are stored. After the commit, the stored codes are handed to
 * {@code afterCommit} (cache eviction: a negative entry may exist for an alias probed before it was created) before
 * any create is answered.
 */
final class NewLinkWriter implements GroupCommit.BatchWriter<ShortLink, ShortLink> {

    private final LinkRows rows;
    private final Consumer<List<String>> afterCommit;

    NewLinkWriter(LinkRows rows, Consumer<List<String>> afterCommit) {
        this.rows = rows;
        this.afterCommit = afterCommit;
    }

    @Override
    public void write(List<GroupCommit.Entry<ShortLink, ShortLink>> batch) {
        List<GroupCommit.Entry<ShortLink, ShortLink>> stored = insertAllOrEach(batch);
        if (!stored.isEmpty()) {
            afterCommit.accept(stored.stream().map(entry -> entry.item().code()).toList());
        }
        stored.forEach(entry -> entry.succeed(entry.item()));
    }

    /** The entries whose rows are committed; the others are failed here. */
    private List<GroupCommit.Entry<ShortLink, ShortLink>> insertAllOrEach(
            List<GroupCommit.Entry<ShortLink, ShortLink>> batch) {
        try {
            rows.insertAll(batch.stream().map(GroupCommit.Entry::item).toList());
            return batch;
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1 || !isUniqueViolation(e)) {
                batch.forEach(entry -> entry.fail(failure(entry.item(), e)));
                return List.of();
            }
        }
        List<GroupCommit.Entry<ShortLink, ShortLink>> stored = new ArrayList<>(batch.size());
        for (GroupCommit.Entry<ShortLink, ShortLink> entry : batch) {
            try {
                rows.insert(entry.item());
                stored.add(entry);
            } catch (SQLException | RuntimeException e) {
                entry.fail(failure(entry.item(), e));
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
