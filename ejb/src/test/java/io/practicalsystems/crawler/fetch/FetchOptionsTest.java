package io.practicalsystems.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FetchOptionsTest {

    private final FetchOptions defaults = FetchOptions.defaults("bot");

    @Test
    void acceptsListedTypesFamiliesAndResponsesWithoutAType() {
        assertThat(defaults.accepts("text/html")).isTrue();
        assertThat(defaults.accepts("application/xhtml+xml")).isTrue();
        assertThat(defaults.accepts("")).isTrue();
        assertThat(defaults.accepts("image/png")).isFalse();
        assertThat(defaults.accepts("text/css")).isFalse();
        FetchOptions textFamily = defaults.withAcceptedContentTypes(Set.of("Text/*"));
        assertThat(textFamily.accepts("text/css")).isTrue();
        assertThat(textFamily.accepts("application/pdf")).isFalse();
        assertThat(defaults.withAcceptedContentTypes(Set.of()).accepts("application/pdf")).isTrue();
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> FetchOptions.defaults(" ")).hasMessageContaining("user agent");
        assertThatThrownBy(() -> defaults.withMaxBodyBytes(-1)).hasMessageContaining("body");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> defaults.withMaxConnections(0)).hasMessageContaining("connection");
    }
}
