package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    private final UrlPolicy policy = new UrlPolicy(UrlPolicy.DEFAULT_MAX_LENGTH,
            Set.of("evil.com", "Bücher.de"), Set.of("short.example", "LOCALHOST."));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "https://example.com/path?q=1&r=a%20b#frag | https://example.com/path?q=1&r=a%20b#frag",
            "https://example.com                       | https://example.com",
            "HTTP://Example.COM:8080/Keep/CASE?Q=V     | http://example.com:8080/Keep/CASE?Q=V",
            "HtTpS://EXAMPLE.com/                      | https://example.com/",
            "https://例え.jp/パス?q=値                  | https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%E5%80%A4",
            "https://straße.example/                   | https://strasse.example/",
            "http://%65xample.com/                     | http://example.com/",
            "http://exa_mple.com/                      | http://exa_mple.com/",
            "http://[2001:DB8::1]:8080/x               | http://[2001:db8::1]:8080/x",
            "http://192.0.2.1/                         | http://192.0.2.1/",
            "https://example.com./                     | https://example.com./",
            "http://example.com:/p                     | http://example.com/p",
            "https://notevil.com/                      | https://notevil.com/",
            "https://evil.com.example/                 | https://evil.com.example/",
            "https://docs.short.example/               | https://docs.short.example/"
    })
    void acceptsAndNormalises(String url, String normalised) {
        assertThat(policy.validate(url)).hasToString(normalised);
    }

    @Test
    void ignoresSurroundingWhitespaceOfAPastedUrl() {
        assertThat(policy.validate("  https://example.com/x \n")).hasToString("https://example.com/x");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void requiresAUrl(String url) {
        assertRejected(url, "required");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "not a url                          | not a valid URL",
            "https://exa mple.com/              | not a valid URL",
            "https://example.com/a\tb           | not a valid URL",
            "/relative/path                     | absolute URL",
            "example.com/x                      | absolute URL",
            "ftp://example.com/file             | only http and https",
            "javascript:alert(1)                | only http and https",
            "mailto:someone@example.com         | only http and https",
            "data:text/html,hi                  | only http and https",
            "file:///etc/passwd                 | only http and https",
            "http:///x                          | must have a host",
            "http:example.com                   | must have a host",
            "http://user:pw@example.com/        | user name or password",
            "https://paypal.com@evil.example/   | user name or password",
            "http://example.com:99999/          | port",
            "http://example.com:0/              | port",
            "http://example.com:8o/             | port",
            "http://a..b/                       | not a valid host name",
            "http://%zz.com/                    | not a valid URL",
            "http://%C3.com/                    | not a valid host name",
            "http://exa%2Fmple.com/             | not a valid host name",
            "http://./                          | not a valid host name",
            "https://short.example/abc          | this shortener itself",
            "https://SHORT.Example:8443/x       | this shortener itself",
            "https://short.example./x           | this shortener itself",
            "http://localhost:9080/api          | this shortener itself",
            "https://evil.com/                  | evil.com are not allowed",
            "https://a.evil.com/x               | evil.com are not allowed",
            "https://A.B.EVIL.COM./             | evil.com are not allowed",
            "http://%65vil.com/                 | evil.com are not allowed",
            "https://evil.com:8443/             | evil.com are not allowed",
            "https://xn--bcher-kva.de/          | xn--bcher-kva.de are not allowed",
            "https://www.BÜCHER.de/             | xn--bcher-kva.de are not allowed"
    })
    void rejects(String url, String reason) {
        assertRejected(url, reason);
    }

    @Test
    void limitsTheLengthBeforeParsing() {
        String url = "https://example.com/" + "a".repeat(UrlPolicy.DEFAULT_MAX_LENGTH - 20);
        assertThat(policy.validate(url).toString()).hasSize(UrlPolicy.DEFAULT_MAX_LENGTH);

        assertRejected(url + "a", "at most 2048 characters");
    }

    @Test
    void limitsTheLengthAfterNormalisationToo() {
        UrlPolicy short30 = new UrlPolicy(30, Set.of(), Set.of());
        String url = "https://example.com/ääää"; // 24 characters, 44 once percent-encoded

        assertThatThrownBy(() -> short30.validate(url))
                .isInstanceOf(InvalidLinkException.class)
                .hasMessageContaining("at most 30 characters, got 44");
    }

    @Test
    void storesConfiguredHostsInCanonicalForm() {
        assertThat(policy.blockedDomains()).containsExactlyInAnyOrder("evil.com", "xn--bcher-kva.de");
        assertThat(policy.selfHosts()).containsExactlyInAnyOrder("short.example", "localhost");
    }

    @Test
    void defaultsBlockNothingButTheShortenerItself() {
        UrlPolicy defaults = UrlPolicy.withDefaults(Set.of("sho.rt"));

        assertThat(defaults.maxLength()).isEqualTo(2048);
        assertThat(defaults.validate("https://evil.com/")).hasToString("https://evil.com/");
        assertThatThrownBy(() -> defaults.validate("https://sho.rt/x")).isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void rejectsAnInvalidConfiguration() {
        assertThatThrownBy(() -> new UrlPolicy(0, Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UrlPolicy(100, null, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UrlPolicy(100, Set.of("a..b"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejected(String url, String reason) {
        assertThatThrownBy(() -> policy.validate(url))
                .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessageContaining(reason);
    }
}
