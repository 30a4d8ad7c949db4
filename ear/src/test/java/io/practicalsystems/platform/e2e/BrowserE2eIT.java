package io.practicalsystems.platform.e2e;

import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every browser scenario of {@code ear/src/test/e2e/scenarios} against the shared server, in one Chromium: one
 * JUnit test per scenario, failing with the scenario's error and log; a scenario that declares {@code skip} (say,
 * the UI it needs has not landed) is reported as skipped with its reason; without Chromium every scenario is skipped,
 * with a sentence saying so. A scenario that exports {@code needs} is left out: its own IT starts the servers it
 * needs and runs it (ConsoleKvClusterIT). See docs/testing.md, "Browser tests".
 *
 * <p>Besides the base URL the scenarios get, as environment variables: {@code E2E_HTTPS_BASE_URL} (admin calls need
 * HTTPS), {@code E2E_ADMIN_USER} / {@code E2E_ADMIN_PASSWORD} (the test admin) and {@code E2E_CRAWL_SEED} (the
 * seed of a small test web this class serves while the scenarios run, see {@link ConsoleCrawlWeb}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserE2eIT {

    private BrowserScenarios.Run run;
    private ConsoleCrawlWeb crawlWeb;

    @BeforeAll
    void runScenarios(@SharedServer LibertyServer server) throws IOException {
        BrowserScenarios scenarios = BrowserScenarios.fromSystemProperties();
        scenarios.assumeBrowser("BrowserE2eIT");
        crawlWeb = ConsoleCrawlWeb.start();
        run = scenarios.runAgainst(server.baseUrl(), Map.of(
                "E2E_HTTPS_BASE_URL", server.httpsBaseUrl(),
                "E2E_ADMIN_USER", TestServers.ADMIN_USER,
                "E2E_ADMIN_PASSWORD", TestServers.ADMIN_PASSWORD,
                "E2E_CRAWL_SEED", crawlWeb.seedUrl()));
    }

    @AfterAll
    void stopTestWeb() {
        if (crawlWeb != null) {
            crawlWeb.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return BrowserScenarios.tests(run);
    }
}
