package io.practicalsystems.feed.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The news feed UI (web/ui, built by Vite into the WAR) is served by the EAR at {@code /feed/}: its page and hashed
 * assets come back as static files, not swallowed by JAX-RS at the context root nor by the URL shortener's
 * {@code /{code}} redirect route, which keeps working beside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedUiServedIT {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/feed/assets/[^\"]+\\.(js|css))\"");

    private LibertyServer server;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
    }

    @Test
    void theAppPageAndItsAssetsAreServedUnderFeed() {
        Http.Response page = Http.get(server.baseUrl() + "/feed/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"root\"></div>");
        assertThat(page.header("Cache-Control")).hasValue("no-cache");

        Matcher assets = ASSET.matcher(page.body());
        int found = 0;
        while (assets.find()) {
            found++;
            Http.Response asset = Http.get(server.baseUrl() + assets.group(1));
            assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.header("Content-Type")).as(assets.group(1)).hasValueSatisfying(type ->
                    assertThat(type).contains(assets.group(2).equals("js") ? "javascript" : "text/css"));
            assertThat(asset.body()).isNotBlank();
            // Content-hashed names: the browser may keep them.
            assertThat(asset.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("immutable"));
        }
        assertThat(found).as("script and stylesheet referenced by /feed/").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theConsoleIsTheSamePageAtItsOwnAddressAndServesNothingElse() {
        Http.Response feed = Http.get(server.baseUrl() + "/feed/");
        Http.Response console = Http.get(server.baseUrl() + "/console/");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).isEqualTo(feed.body());
        Http.Response bare = Http.get(server.baseUrl() + "/console");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/console/"));
        // Its assets are the feed's (/feed/assets/...): nothing else of the WAR is reachable under /console/.
        for (String path : new String[] {"/console/index.html", "/console/assets/no-such-file.js", "/console/WEB-INF/web.xml"}) {
            assertThat(Http.get(server.baseUrl() + path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void feedWithoutTheSlashRedirectsToTheApp() {
        Http.Response bare = Http.get(server.baseUrl() + "/feed");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/feed/"));
    }

    @Test
    void aMissingFileOrAPathOutOfTheAppIsAProblemNotFound() {
        for (String path : new String[] {"/feed/assets/no-such-file.js", "/feed/assets", "/feed/WEB-INF/web.xml"}) {
            Http.Response missing = Http.get(server.baseUrl() + path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.header("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void theShortenersCodeRouteStillAnswersBesideIt() {
        Http.Response unknownCode = Http.get(server.baseUrl() + "/zzzzzzzzzz9");
        assertThat(unknownCode.status()).isEqualTo(404);
        assertThat(unknownCode.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }
}
