package io.practicalsystems.shortener.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortenerSettingsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://sho.rt", "https://sho.rt/", "http://localhost:9080", "http://[::1]:9080/",
        "https://example.com/s/"})
    void acceptsAnHttpBaseUrl(String url) {
        assertThat(ShortenerSettings.parsePublicBase(url).getHost()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sho.rt", "/relative", "ftp://sho.rt", "https://user@sho.rt", "https://sho.rt/?q=1",
        "https://sho.rt/#x", "https:///nohost", "http://exa mple.com"})
    void refusesAnythingElseNamingTheSetting(String url) {
        assertThatThrownBy(() -> ShortenerSettings.parsePublicBase(url)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PS_SHORTENER_PUBLIC_BASE_URL");
    }
}
