package io.practicalsystems.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UrlNormalizerTest {

    private final UrlNormalizer normalizer = new UrlNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "HTTP://Example.COM/a                  | http://example.com/a",
        "http://example.com                    | http://example.com/",
        "http://example.com:80/a               | http://example.com/a",
        "https://example.com:443/a             | https://example.com/a",
        "http://example.com:443/a              | http://example.com:443/a",
        "https://example.com:8443              | https://example.com:8443/",
        "http://example.com:/a                 | http://example.com/a",
        "http://example.com:0080/a             | http://example.com/a",
        "http://example.com./a                 | http://example.com/a",
        "http://example.com/a#frag             | http://example.com/a",
        "http://example.com/a?#frag            | http://example.com/a",
        "http://example.com/a/./b/../c         | http://example.com/a/c",
        "http://example.com/../../a            | http://example.com/a",
        "http://example.com/a/%2E%2E/b         | http://example.com/b",
        "http://example.com/%7euser/%41%62     | http://example.com/~user/Ab",
        "http://example.com/a%2fb%3a           | http://example.com/a%2Fb%3A",
        "http://example.com/a b/ü              | http://example.com/a%20b/%C3%BC",
        "http://example.com/100%               | http://example.com/100%25",
        "http://example.com/%zz                | http://example.com/%25zz",
        "http://example.com/a?b c=d            | http://example.com/a?b%20c=d",
        "http://example.com/a?x=1&&y=2&        | http://example.com/a?x=1&y=2",
        "http://example.com/a;jsessionid=AB12  | http://example.com/a",
        "http://example.com/a;JSESSIONID=1;v=2 | http://example.com/a;v=2",
        "http://example.com/a?PHPSESSID=1&b=2  | http://example.com/a?b=2",
        "http://example.com/a?sid=1            | http://example.com/a",
        "http://example.com/a?z=1&a=2          | http://example.com/a?z=1&a=2",
        "'  http://example.com/a\t\n '         | http://example.com/a",
        "http:\\\\example.com\\a\\b?c\\d       | http://example.com/a/b?c%5Cd",
        "http://bücher.example/               | http://xn--bcher-kva.example/",
        "http://BÜCHER.example/               | http://xn--bcher-kva.example/",
        "http://[2001:DB8::1]:8080/a           | http://[2001:db8::1]:8080/a",
        "http://[::1]/                         | http://[::1]/",
        "http://127.0.0.1:8080/x               | http://127.0.0.1:8080/x",
        "http://under_score.example/           | http://under_score.example/",
    })
    void normalises(String input, String expected) {
        assertThat(normalizer.normalize(input).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "ftp://example.com/               | Only http and https",
        "mailto:someone@example.com       | Only http and https",
        "javascript:alert(1)              | Only http and https",
        "/relative/path                   | not an absolute URL",
        "http:/example.com                | no host",
        "http://                          | no host",
        "http://user:pw@example.com/      | user name or password",
        "http://example.com:99999/        | port",
        "http://example.com:0/            | port",
        "http://example.com:8o/           | port",
        "http://exa mple.com/             | character host names cannot have",
        "http://a..b/                     | empty label",
        "http://[::1/                     | IPv6",
        "http://[zz::1]/                  | IPv6",
    })
    void rejects(String input, String messagePart) {
        assertThatThrownBy(() -> normalizer.normalize(input))
                .isInstanceOf(InvalidUrlException.class).hasMessageContaining(messagePart);
    }

    @Test
    void rejectsNullAndOverlongInput() {
        assertThatThrownBy(() -> normalizer.normalize(null)).isInstanceOf(InvalidUrlException.class);
        String huge = "http://example.com/" + "a".repeat(UrlNormalizer.MAX_LENGTH);
        assertThatThrownBy(() -> normalizer.normalize(huge)).isInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void sortsQueryParametersStablyWhenAsked() {
        UrlNormalizer sorting = new UrlNormalizer(new NormalizationOptions(true, Set.of("token")));

        assertThat(sorting.normalize("http://e.com/?z=1&a=2&m=3&a=1&TOKEN=x").value())
                .isEqualTo("http://e.com/?a=2&a=1&m=3&z=1");
    }

    @Test
    void exposesComponentsAndHostKey() {
        NormalizedUrl url = normalizer.normalize("HTTPS://Example.com:8443/a/b?q=1");

        assertThat(url.scheme()).isEqualTo("https");
        assertThat(url.host()).isEqualTo("example.com");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.hostKey()).isEqualTo("example.com:8443");
        assertThat(url.path()).isEqualTo("/a/b");
        assertThat(url.query()).isEqualTo("q=1");
        assertThat(url.robotsUrl()).isEqualTo("https://example.com:8443/robots.txt");

        NormalizedUrl plain = normalizer.normalize("http://example.com/");
        assertThat(plain.port()).isEqualTo(80);
        assertThat(plain.hostKey()).isEqualTo("example.com");
        assertThat(plain.query()).isEmpty();
    }
}
