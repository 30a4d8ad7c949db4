package io.practicalsystems.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3986 section 5.4 examples against the base {@code http://a/b/c/d;p?q}, as normalised URLs (no fragments). */
class UrlResolutionTest {

    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final NormalizedUrl base = normalizer.normalize("http://a/b/c/d;p?q");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // 5.4.1 normal examples (g:h is not http and is tested below)
        "g         | http://a/b/c/g",
        "./g       | http://a/b/c/g",
        "g/        | http://a/b/c/g/",
        "/g        | http://a/g",
        "//g       | http://g/",
        "?y        | http://a/b/c/d;p?y",
        "g?y       | http://a/b/c/g?y",
        "#s        | http://a/b/c/d;p?q",
        "g#s       | http://a/b/c/g",
        "g?y#s     | http://a/b/c/g?y",
        ";x        | http://a/b/c/;x",
        "g;x       | http://a/b/c/g;x",
        "g;x?y#s   | http://a/b/c/g;x?y",
        "''        | http://a/b/c/d;p?q",
        ".         | http://a/b/c/",
        "./        | http://a/b/c/",
        "..        | http://a/b/",
        "../       | http://a/b/",
        "../g      | http://a/b/g",
        "../..     | http://a/",
        "../../    | http://a/",
        "../../g   | http://a/g",
        // 5.4.2 abnormal examples
        "../../../g    | http://a/g",
        "../../../../g | http://a/g",
        "/./g          | http://a/g",
        "/../g         | http://a/g",
        "g.            | http://a/b/c/g.",
        ".g            | http://a/b/c/.g",
        "g..           | http://a/b/c/g..",
        "..g           | http://a/b/c/..g",
        "./../g        | http://a/b/g",
        "./g/.         | http://a/b/c/g/",
        "g/./h         | http://a/b/c/g/h",
        "g/../h        | http://a/b/c/h",
        "g;x=1/./y     | http://a/b/c/g;x=1/y",
        "g;x=1/../y    | http://a/b/c/y",
        "g?y/./x       | http://a/b/c/g?y/./x",
        "g?y/../x      | http://a/b/c/g?y/../x",
        "g#s/./x       | http://a/b/c/g",
        "g#s/../x      | http://a/b/c/g",
        // "http:g" is "http:g" for strict parsers; like browsers (RFC 3986 5.2.2, non-strict) it is read as relative
        "http:g        | http://a/b/c/g",
        // beyond the RFC: other hosts, schemes and what pages really contain
        "HTTPS://Other.example:443/x | https://other.example/x",
        "//other.example:8080        | http://other.example:8080/",
        "'  g h  '                   | http://a/b/c/g%20h",
        "\\g\\h                      | http://a/g/h",
    })
    void resolvesAgainstTheRfcBase(String href, String expected) {
        assertThat(normalizer.resolve(href, base).value()).isEqualTo(expected);
    }

    @Test
    void refusesReferencesToOtherSchemes() {
        assertThatThrownBy(() -> normalizer.resolve("g:h", base)).isInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("Only http and https");
        assertThatThrownBy(() -> normalizer.resolve("mailto:x@example.com", base))
                .isInstanceOf(InvalidUrlException.class);
    }

    @Test
    void keepsTheBaseQueryOnlyForAnEmptyReference() {
        NormalizedUrl noQuery = normalizer.normalize("http://a/b/c");

        assertThat(normalizer.resolve("", noQuery).value()).isEqualTo("http://a/b/c");
        assertThat(normalizer.resolve("d", base).query()).isEmpty();
    }
}
