package io.practicalsystems.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MigrationIndexTest {

    @Test
    void indexKeepsOrderAndSkipsCommentsAndBlankLines() {
        assertThat(MigrationIndex.parse("# header\n\n0001-a.sql\n  0002-b.sql  \n# trailing\n"))
                .containsExactly("0001-a.sql", "0002-b.sql");
    }

    @Test
    void aScriptListedTwiceIsRejected() {
        assertThatThrownBy(() -> MigrationIndex.parse("0001-a.sql\n0001-a.sql\n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statementsAreSplitAtLinesHoldingOnlyASemicolon() {
        String script = "CREATE TABLE A (X INT)\n;\nCREATE INDEX I ON A (X)\n  ;  \n\n";
        assertThat(MigrationIndex.statements(script))
                .containsExactly("CREATE TABLE A (X INT)", "CREATE INDEX I ON A (X)");
    }

    @Test
    void dialectsFromJdbcProductNames() {
        assertThat(MigrationIndex.dialectOf("Apache Derby")).isEqualTo("derby");
        assertThat(MigrationIndex.dialectOf("MariaDB")).isEqualTo("mariadb");
        assertThat(MigrationIndex.dialectOf("MySQL")).isEqualTo("mariadb");
        assertThat(MigrationIndex.dialectOf("PostgreSQL")).isEqualTo("postgresql");
    }
}
