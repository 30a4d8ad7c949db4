package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AliasPolicyTest {

    private final AliasPolicy policy = AliasPolicy.DEFAULT;

    @ParameterizedTest
    @ValueSource(strings = {"my-sale", "My_Link", "a-b1", "spring-2027-launch", "_abc", "abc-", "x-y-z",
            "API-v2", "admin-tips", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b"})
    void acceptsAliasesWithASeparator(String alias) {
        assertThatCode(() -> policy.validate(alias)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresAnAlias(String alias) {
        assertRejected(alias, "required");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a-b                                | 4 to 32 characters long, got 3",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b  | 4 to 32 characters long, got 33",
            "my sale                            | character 2 is not allowed",
            "my.sale                            | character 2 is not allowed",
            "my/sale                            | character 2 is not allowed",
            "my%2Fsale                          | character 2 is not allowed",
            "ümlaut-x                           | character 0 is not allowed",
            "favicon.ico                        | character 7 is not allowed",
            "----                               | at least one letter or digit",
            "_-_-                               | at least one letter or digit",
            "admin                              | reserved",
            "Admin                              | reserved",
            "adminCenter                        | reserved",
            "METRICS                            | reserved",
            "openapi                            | reserved",
            "Well-Known                         | reserved",
            "log-out                            | reserved",
            "mysale                             | at least one '-' or '_'",
            "AzL8n0Y58m7                        | at least one '-' or '_'",
            "0000                               | at least one '-' or '_'"
    })
    void rejects(String alias, String reason) {
        assertRejected(alias, reason);
    }

    @Test
    void reservedWordsAreCaseInsensitiveWhateverCaseTheyWereConfiguredIn() {
        AliasPolicy custom = new AliasPolicy(4, 32, Set.of("Black-Friday"));

        assertThat(custom.reservedWords()).containsExactly("black-friday");
        assertThatThrownBy(() -> custom.validate("BLACK-friday")).hasMessageContaining("reserved");
    }

    @Test
    void defaultReservesTheApplicationsOwnPaths() {
        assertThat(AliasPolicy.DEFAULT.reservedWords()).contains("api", "admin", "admincenter", "health",
                "metrics", "openapi", "ibm", "batch", "static", "ui", "docs", "login", "logout");
        assertThat(AliasPolicy.DEFAULT.minLength()).isEqualTo(4);
        assertThat(AliasPolicy.DEFAULT.maxLength()).isEqualTo(32);
    }

    @Test
    void rejectsAnInvalidConfiguration() {
        assertThatThrownBy(() -> new AliasPolicy(1, 32, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasPolicy(8, 7, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasPolicy(4, 32, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejected(String alias, String reason) {
        assertThatThrownBy(() -> policy.validate(alias))
                .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.field()).isEqualTo("alias"))
                .hasMessageContaining(reason);
    }
}
