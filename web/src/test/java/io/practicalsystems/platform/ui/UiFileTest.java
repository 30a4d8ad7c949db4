package io.practicalsystems.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UiFileTest {

    @Test
    void theAppsRootIsItsPageWhichBrowsersRevalidate() {
        assertThat(UiFile.of("/")).contains(new UiFile("/index.html", "no-cache"));
        assertThat(UiFile.of("/index.html")).contains(new UiFile("/index.html", "no-cache"));
    }

    @Test
    void hashedAssetsAreKeptForAYear() {
        assertThat(UiFile.of("/assets/index-Cw_FMPrK.js"))
                .contains(new UiFile("/assets/index-Cw_FMPrK.js", "public, max-age=31536000, immutable"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/..", "/assets/../../WEB-INF/web.xml", "/.hidden", "/assets/", "/assets", "//x.js", "/assets/.js",
            "/a b.js", "/assets/x.js;jsessionid=1", "/%2e%2e/web.xml", "\\WEB-INF\\web.xml"})
    void anythingElseIsNoFile(String pathInfo) {
        assertThat(UiFile.of(pathInfo)).isEmpty();
    }
}
