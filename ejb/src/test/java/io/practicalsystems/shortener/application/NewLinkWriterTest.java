package io.practicalsystems.shortener.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.shortener.Base62;
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
    /** The next ID the fake generator issues; IDs calls, and whether it is unavailable. */
    private long nextId = 1_000;
    private int idCalls;
    private boolean idsUnavailable;
    private final NewLinkWriter writer = new NewLinkWriter(rows, this::issue, evicted::add);

    private long[] issue(int count) {
        idCalls++;
        if (idsUnavailable) {
            throw new IllegalStateException("worker ID lease lost");
        }
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = nextId++;
        }
        return ids;
    }

    private static NewLink alias(String alias) {
        return new NewLink(alias, "https://example.com/" + alias, "hash", "anonymous", 302, NOW, null);
    }

    private static NewLink generated() {
        return new NewLink(null, "https://example.com/", "hash", "anonymous", 302, NOW, null);
    }

    private static String code(Object outcome) {
        return ((ShortLink) outcome).code();
    }

    /** Runs the writer on one batch of these links; each one's outcome: the stored link or the exception. */
    private List<Object> write(NewLink... links) {
        List<GroupCommit.Entry<NewLink, ShortLink>> batch = new ArrayList<>();
        for (NewLink link : links) {
            batch.add(new GroupCommit.Entry<>(link));
        }
        writer.write(batch);
        List<Object> outcomes = new ArrayList<>();
        for (GroupCommit.Entry<NewLink, ShortLink> entry : batch) {
            try {
                outcomes.add(entry.outcome());
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    @Test
    void aBatchIsOneTransactionWithOneCallForItsIdsAndItsCodesAreEvictedOnce() {
        List<Object> outcomes = write(generated(), alias("my-alias"));

        assertThat(outcomes).extracting(outcome -> ((ShortLink) outcome).id()).containsExactly(1_000L, 1_001L);
        assertThat(code(outcomes.get(0))).isEqualTo(Base62.encode(1_000)); // a generated code is its ID in Base62
        assertThat(code(outcomes.get(1))).isEqualTo("my-alias");
        assertThat(((ShortLink) outcomes.get(1)).customAlias()).isTrue();
        assertThat(idCalls).isOne();
        assertThat(rows.transactions).isOne();
        assertThat(rows.codes).containsExactly(Base62.encode(1_000), "my-alias");
        assertThat(evicted).containsExactly(List.of(Base62.encode(1_000), "my-alias"));
    }

    @Test
    void aTakenAliasFailsOnlyItsOwnCreateAndItsBatchMatesAreStored() {
        write(alias("taken-alias"));
        evicted.clear();

        List<Object> outcomes = write(generated(), alias("taken-alias"), alias("other-alias"));

        assertThat(outcomes.get(1)).isInstanceOf(ShortenerExceptions.AliasTaken.class);
        assertThat(code(outcomes.get(2))).isEqualTo("other-alias");
        assertThat(rows.codes).containsExactly("taken-alias", code(outcomes.get(0)), "other-alias");
        assertThat(evicted).containsExactly(List.of(code(outcomes.get(0)), "other-alias"));
    }

    @Test
    void twoCreatesOfOneAliasInOneBatchStoreTheFirstAndRefuseTheSecond() {
        List<Object> outcomes = write(alias("same-alias"), alias("same-alias"));

        assertThat(outcomes.get(0)).isInstanceOf(ShortLink.class);
        assertThat(outcomes.get(1)).isInstanceOf(ShortenerExceptions.AliasTaken.class);
        assertThat(rows.codes).containsExactly("same-alias");
    }

    @Test
    void aLoneCreateWithATakenAliasIsRefusedWithoutARetry() {
        write(alias("taken-alias"));
        int before = rows.transactions;

        assertThat(write(alias("taken-alias")).get(0)).isInstanceOf(ShortenerExceptions.AliasTaken.class);
        assertThat(rows.transactions).isEqualTo(before + 1);
    }

    @Test
    void theDatabaseDownFailsTheBatchAsUnavailableStoresAndEvictsNothing() {
        rows.down = true;

        List<Object> outcomes = write(generated(), alias("an-alias"));

        assertThat(outcomes).allSatisfy(outcome ->
                assertThat(outcome).isInstanceOf(ShortenerExceptions.StorageUnavailable.class));
        assertThat(rows.codes).isEmpty();
        assertThat(evicted).isEmpty();
    }

    @Test
    void noIdsMeansEveryCreateOfTheBatchIsUnavailableAndNothingIsWritten() {
        idsUnavailable = true;

        List<Object> outcomes = write(generated(), alias("an-alias"));

        assertThat(outcomes).allSatisfy(outcome -> assertThat((Throwable) outcome)
                .isInstanceOf(ShortenerExceptions.StorageUnavailable.class)
                .hasMessageContaining("no short code can be issued: worker ID lease lost"));
        assertThat(rows.transactions).isZero();
    }

    @Test
    void anUncheckedFailureOfThePoolIsUnavailableTooNotAServerError() {
        rows.poolBroken = true;

        assertThat(write(generated()).get(0)).isInstanceOf(ShortenerExceptions.StorageUnavailable.class);
    }

    @Test
    void aDuplicateGeneratedCodeIsAStorageFailureNotAnAliasConflict() {
        write(generated());
        nextId = 1_000; // the generator issuing an ID twice: never, but the unique index would catch it

        assertThat(write(generated()).get(0)).isInstanceOf(ShortenerExceptions.StorageUnavailable.class);
    }
}
