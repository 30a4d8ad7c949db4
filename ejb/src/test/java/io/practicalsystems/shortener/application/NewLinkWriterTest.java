package io.practicalsystems.shortener.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.shortener.GroupCommit;
import io.practicalsystems.shortener.application.links.LinkRows;
import io.practicalsystems.shortener.application.links.ShortLink;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewLinkWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");

    /** A table with a unique code, as the database has; counts transactions; can be "down". */
    private static final class FakeRows implements LinkRows {
        final Set<String> codes = new LinkedHashSet<>();
        int transactions;
        boolean down;
        boolean poolBroken;

        @Override
        public void insertAll(List<ShortLink> links) throws SQLException {
            check();
            transactions++;
            Set<String> after = new LinkedHashSet<>(codes);
            for (ShortLink link : links) {
                if (!after.add(link.code())) {
                    throw new BatchUpdateException("Duplicate entry '" + link.code() + "'", "23000", 1062, new int[0]);
                }
            }
            codes.addAll(after); // all or nothing
        }

        @Override
        public void insert(ShortLink link) throws SQLException {
            insertAll(List.of(link));
        }

        private void check() throws SQLException {
            if (poolBroken) {
                throw new IllegalStateException("connection pool closed");
            }
            if (down) {
                throw new SQLTransientConnectionException("connection refused", "08001");
            }
        }
    }

    private final FakeRows rows = new FakeRows();
    private final List<List<String>> evicted = new ArrayList<>();
    private final NewLinkWriter writer = new NewLinkWriter(rows, evicted::add);

    private static ShortLink link(String code, boolean alias) {
        return new ShortLink(code.hashCode(), code, "https://example.com/" + code, "hash", "anonymous", 302, alias, NOW,
                null);
    }

    /** Runs the writer on one batch of these links; each one's outcome: the stored link or the exception. */
    private List<Object> write(ShortLink... links) {
        List<GroupCommit.Entry<ShortLink, ShortLink>> batch = new ArrayList<>();
        for (ShortLink link : links) {
            batch.add(new GroupCommit.Entry<>(link));
        }
        writer.write(batch);
        List<Object> outcomes = new ArrayList<>();
        for (GroupCommit.Entry<ShortLink, ShortLink> entry : batch) {
            try {
                outcomes.add(entry.outcome());
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    @Test
    void aBatchIsOneTransactionAndItsCodesAreEvictedOnce() {
        ShortLink a = link("AAA", false);
        ShortLink b = link("my-alias", true);

        assertThat(write(a, b)).containsExactly(a, b);
        assertThat(rows.transactions).isOne();
        assertThat(rows.codes).containsExactly("AAA", "my-alias");
        assertThat(evicted).containsExactly(List.of("AAA", "my-alias"));
    }

    @Test
    void aTakenAliasFailsOnlyItsOwnCreateAndItsBatchMatesAreStored() {
        write(link("taken-alias", true));
        evicted.clear();
        ShortLink first = link("BBB", false);
        ShortLink last = link("other-alias", true);

        List<Object> outcomes = write(first, link("taken-alias", true), last);

        assertThat(outcomes.get(0)).isEqualTo(first);
        assertThat(outcomes.get(1)).isInstanceOf(ShortenerExceptions.AliasTaken.class);
        assertThat(outcomes.get(2)).isEqualTo(last);
        assertThat(rows.codes).containsExactly("taken-alias", "BBB", "other-alias");
        assertThat(evicted).containsExactly(List.of("BBB", "other-alias"));
    }

    @Test
    void twoCreatesOfOneAliasInOneBatchStoreTheFirstAndRefuseTheSecond() {
        List<Object> outcomes = write(link("same-alias", true), link("same-alias", true));

        assertThat(outcomes.get(0)).isInstanceOf(ShortLink.class);
        assertThat(outcomes.get(1)).isInstanceOf(ShortenerExceptions.AliasTaken.class);
        assertThat(rows.codes).containsExactly("same-alias");
    }

    @Test
    void aLoneCreateWithATakenAliasIsRefusedWithoutARetry() {
        write(link("taken-alias", true));
        int before = rows.transactions;

        assertThat(write(link("taken-alias", true)).get(0)).isInstanceOf(ShortenerExceptions.AliasTaken.class);
        assertThat(rows.transactions).isEqualTo(before + 1);
    }

    @Test
    void theDatabaseDownFailsTheBatchAsUnavailableStoresAndEvictsNothing() {
        rows.down = true;

        List<Object> outcomes = write(link("CCC", false), link("an-alias", true));

        assertThat(outcomes).allSatisfy(outcome ->
                assertThat(outcome).isInstanceOf(ShortenerExceptions.StorageUnavailable.class));
        assertThat(rows.codes).isEmpty();
        assertThat(evicted).isEmpty();
    }

    @Test
    void anUncheckedFailureOfThePoolIsUnavailableTooNotAServerError() {
        rows.poolBroken = true;

        assertThat(write(link("EEE", false)).get(0)).isInstanceOf(ShortenerExceptions.StorageUnavailable.class);
    }

    @Test
    void aDuplicateGeneratedCodeIsAStorageFailureNotAnAliasConflict() {
        write(link("DDD", false));

        assertThat(write(link("DDD", false)).get(0)).isInstanceOf(ShortenerExceptions.StorageUnavailable.class);
    }
}
