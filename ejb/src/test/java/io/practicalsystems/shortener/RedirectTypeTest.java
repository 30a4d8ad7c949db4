package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTypeTest {

    @Test
    void mapsTheTwoRedirectStatuses() {
        assertThat(RedirectType.fromStatus(301)).isEqualTo(RedirectType.PERMANENT);
        assertThat(RedirectType.fromStatus(302)).isEqualTo(RedirectType.TEMPORARY);
        assertThat(RedirectType.PERMANENT.status()).isEqualTo(301);
        assertThat(RedirectType.TEMPORARY.status()).isEqualTo(302);
    }

    @Test
    void defaultIsTemporarySoEveryClickReachesTheShortener() {
        assertThat(RedirectType.DEFAULT).isEqualTo(RedirectType.TEMPORARY);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 200, 300, 303, 307, 308, 404})
    void rejectsEveryOtherStatus(int status) {
        assertThatThrownBy(() -> RedirectType.fromStatus(status))
                .isInstanceOfSatisfying(InvalidLinkException.class,
                        e -> assertThat(e.field()).isEqualTo("redirectType"))
                .hasMessageContaining("301").hasMessageContaining("302").hasMessageContaining(String.valueOf(status));
    }
}
