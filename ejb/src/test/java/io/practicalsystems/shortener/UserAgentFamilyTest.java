package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentFamilyTest {

    /** Real User-Agent strings, several of which contain the tokens of other families. */
    static Stream<Arguments> userAgents() {
        return Stream.of(
                Arguments.of("chrome", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                        + "Gecko) Chrome/120.0.0.0 Safari/537.36"),
                Arguments.of("chrome", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0.0.0 Mobile Safari/537.36"),
                Arguments.of("chrome", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1"),
                Arguments.of("chrome", "Mozilla/5.0 (Linux; Android 9; CUBOT_X19) AppleWebKit/537.36 (KHTML, like "
                        + "Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36"),
                Arguments.of("edge", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                        + "Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"),
                Arguments.of("edge", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                        + "Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582"),
                Arguments.of("edge", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0.0.0 Mobile Safari/537.36 EdgA/120.0.2210.84"),
                Arguments.of("edge", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/17.0 EdgiOS/120.2210.79 Mobile/15E148 Safari/605.1.15"),
                Arguments.of("opera", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                        + "Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0"),
                Arguments.of("opera", "Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18"),
                Arguments.of("firefox", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 "
                        + "Firefox/121.0"),
                Arguments.of("firefox", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) "
                        + "AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15"),
                Arguments.of("safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/17.2 Safari/605.1.15"),
                Arguments.of("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"),
                Arguments.of("bot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
                Arguments.of("bot", "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 "
                        + "(KHTML, like Gecko) Chrome/120.0.6099.129 Mobile Safari/537.36 (compatible; "
                        + "Googlebot/2.1; +http://www.google.com/bot.html)"),
                Arguments.of("bot", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
                Arguments.of("bot", "Mozilla/5.0 (compatible; Baiduspider/2.0; "
                        + "+http://www.baidu.com/search/spider.html)"),
                Arguments.of("bot", "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"),
                Arguments.of("bot", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
                Arguments.of("bot", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
                Arguments.of("bot", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "HeadlessChrome/120.0.6099.109 Safari/537.36"),
                Arguments.of("bot", "curl/8.4.0"),
                Arguments.of("bot", "Wget/1.21.4"),
                Arguments.of("bot", "python-requests/2.31.0"),
                Arguments.of("bot", "Python-urllib/3.11"),
                Arguments.of("bot", "Java/17.0.9"),
                Arguments.of("bot", "Java-http-client/17.0.9"),
                Arguments.of("bot", "Go-http-client/1.1"),
                Arguments.of("bot", "okhttp/4.12.0"),
                Arguments.of("other", "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)"),
                Arguments.of("other", "Lynx/2.8.9rel.1 libwww-FM/2.14 SSL-MM/1.4.1 OpenSSL/1.1.1d"),
                Arguments.of("other", "x"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("userAgents")
    void classifiesRealUserAgents(String family, String userAgent) {
        assertThat(UserAgentFamily.of(userAgent)).isEqualTo(family);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void noUserAgentIsUnknown(String userAgent) {
        assertThat(UserAgentFamily.of(userAgent)).isEqualTo(UserAgentFamily.UNKNOWN);
    }

    @ParameterizedTest
    @MethodSource("userAgents")
    void everyResultIsOneOfTheFixedFamilies(String ignored, String userAgent) {
        assertThat(UserAgentFamily.ALL).contains(UserAgentFamily.of(userAgent));
    }
}
