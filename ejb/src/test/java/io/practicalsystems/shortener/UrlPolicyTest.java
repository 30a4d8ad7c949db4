package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
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

    /** Every spelling a browser turns into a loopback or unspecified address, or another name for this machine. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://127.0.0.1/x", "http://127.1/", "http://127.0.1/", "http://2130706433/", "http://0x7f000001/",
        "http://0X7F000001/", "http://0x7f.1/", "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://0177.1/",
        "http://017700000001/", "http://127.0.0.1./", "http://127.255.255.254:8080/", "http://0.0.0.0/",
        "http://0/", "http://0x0/", "http://0.1.2.3/", "http://%31%32%37.0.0.1/", "http://１２７.０.０.１/",
        "http://127。0。0。1/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]:9080/", "http://[::ffff:127.0.0.1]/",
        "http://[::FFFF:7F00:1]/", "http://[::127.0.0.1]/", "http://[::]/", "http://[::ffff:0.0.0.0]/",
        "http://localhost/", "http://LocalHost./", "http://app.localhost:9080/"
    })
    void rejectsEverySpellingOfThisMachine(String url) {
        assertRejected(url, "this shortener itself");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://192.0.2.10/", "http://3221225994/", "http://0xc0.0.2.10/", "http://0300.0.2.012/", "http://192.0.522/",
        "http://[::ffff:192.0.2.10]/", "http://[::ffff:c000:20a]/", "http://[2001:db8::10]/",
        "http://[2001:DB8:0:0:0:0:0:10]/", "http://198.51.100.7/", "http://0xc6336407/", "http://shortener.test/"
    })
    void rejectsTheServersOwnAndConfiguredAddressesInAnySpelling(String url) {
        UrlPolicy withInterfaces = new UrlPolicy(UrlPolicy.DEFAULT_MAX_LENGTH, Set.of(),
                Set.of("shortener.test", "198.51.100.7"), Set.of(address("192.0.2.10"), address("2001:db8::10")));

        assertThatThrownBy(() -> withInterfaces.validate(url)).isInstanceOf(InvalidLinkException.class)
                .hasMessageContaining("this shortener itself");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "http://128.0.0.1/               | http://128.0.0.1/",
        "http://1.0.0.127/               | http://1.0.0.127/",
        "http://0x5db8d822/p             | http://93.184.216.34/p",
        "http://93.0xb8.0154042/         | http://93.184.216.34/",
        "http://192.0.2.11:8080/         | http://192.0.2.11:8080/",
        "http://[::ffff:192.0.2.11]/     | http://[::ffff:192.0.2.11]/",
        "http://[2001:db8::11]/          | http://[2001:db8::11]/",
        "http://[fe80::1]/               | http://[fe80::1]/",
        "http://localhost.example/       | http://localhost.example/",
        "http://mylocalhost/             | http://mylocalhost/",
        "http://example.com1/            | http://example.com1/"
    })
    void acceptsOtherAddressesAndWritesIpv4AsDottedDecimal(String url, String normalised) {
        UrlPolicy withInterfaces = new UrlPolicy(UrlPolicy.DEFAULT_MAX_LENGTH, Set.of(), Set.of("shortener.test"),
                Set.of(address("192.0.2.10"), address("2001:db8::10")));

        assertThat(withInterfaces.validate(url)).hasToString(normalised);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://1.2.3.256/", "http://1.2.3.4.5/", "http://08.1.1.1/", "http://example.123/",
        "http://4294967296/", "http://1.16777216/", "http://0x100000000/", "http://[1.2.3.4]/", "http://[:::]/",
        "http://[12345::]/"})
    void rejectsAHostWrittenAsAnInvalidAddress(String url) {
        assertRejected(url, "not a valid "); // URL (java.net.URI's IPv6 check) or host name (ours)
    }

    /** JSON can carry a lone surrogate (<code>"&#92;ud800"</code>); it has no UTF-8 form, so it is a client error. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://example.com/a\ud800b", "https://example.com/?q=\udc00",
        "https://example.com/#\ud800", "https://example.com/\udc00\ud800", "https://example.com/x\ud83d"})
    void rejectsAnUnpairedSurrogateAnywhere(String url) {
        assertRejected(url, "unpaired UTF-16 surrogate");
    }

    @Test
    void acceptsASurrogatePairAsTheCharacterItEncodes() {
        assertThat(policy.validate("https://example.com/\ud83d\ude00"))
                .hasToString("https://example.com/%F0%9F%98%80");
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

    private static InetAddress address(String literal) {
        return HostAddresses.of(literal.contains(":") ? "[" + literal + "]" : literal).orElseThrow();
    }

    private void assertRejected(String url, String reason) {
        assertThatThrownBy(() -> policy.validate(url))
                .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessageContaining(reason);
    }
}
