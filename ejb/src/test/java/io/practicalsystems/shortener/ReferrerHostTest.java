package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferrerHostTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.google.com/search?q=secret       | google.com",
            "https://WWW.Example.COM./path                | example.com",
            "https://t.co/abc                             | t.co",
            "http://news.ycombinator.com/item?id=1        | news.ycombinator.com",
            "https://www.com/                             | www.com",
            "https://www.www.example.org/                 | www.example.org",
            "https://user@www.example.org:8443/x          | example.org",
            "android-app://com.google.android.gm/         | com.google.android.gm",
            "https://bücher.de/                           | xn--bcher-kva.de",
            "http://[2001:DB8::1]:8080/                   | [2001:db8::1]",
            "http://192.0.2.1/x                           | 192.0.2.1",
            "'  https://example.com/  '                   | example.com"
    })
    void reducesTheHeaderToItsHost(String referer, String host) {
        assertThat(ReferrerHost.of(referer)).isEqualTo(host);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void noHeaderIsDirect(String referer) {
        assertThat(ReferrerHost.of(referer)).isEqualTo(ReferrerHost.DIRECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "/relative/path", "http://", "http:///x", "mailto:a@b.c", "http://a..b/",
            "http://%zz/", "https://exa mple.com/", "about:blank"})
    void unusableHeaderIsInvalid(String referer) {
        assertThat(ReferrerHost.of(referer)).isEqualTo(ReferrerHost.INVALID);
    }
}
