package io.practicalsystems.platform.e2e;

import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Every browser scenario of {@code ear/src/test/e2e/scenarios} against the shared server, in one Chromium: one
 * JUnit test per scenario, failing with the scenario's error and log; a scenario that declares {@code skip} (say,
 * the UI it needs has not landed) is reported as skipped with its reason; without Chromium every scenario is skipped,
 * with a sentence saying so. See docs/testing.md, "Browser tests".
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
        if (!scenarios.browserAvailable()) {
            // The README's test command must pass on a machine with only a JDK, Maven and Node: without a browser
            // the scenarios are skipped, loudly; CI installs Chromium first, so there they always run.
            System.out.println("BrowserE2eIT: " + scenarios.missingBrowserSentence());
            Assumptions.abort(scenarios.missingBrowserSentence());
        }
        crawlWeb = ConsoleCrawlWeb.start();
        run = scenarios.runAgainst(server.baseUrl(), Map.of(
                "E2E_HTTPS_BASE_URL", server.httpsBaseUrl(),
                "E2E_ADMIN_USER", TestServers.ADMIN_USER,
                "E2E_ADMIN_PASSWORD", TestServers.ADMIN_PASSWORD,
                "E2E_CRAWL_SEED", crawlWeb.seedUrl()));
        System.out.println(run.output());
        System.out.printf("e2e: npm ci %.1f s, node run.mjs %.1f s%n", run.npmCi().toMillis() / 1000.0,
                run.scenarios().toMillis() / 1000.0);
    }

    @AfterAll
    void stopTestWeb() {
        if (crawlWeb != null) {
            crawlWeb.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        if (run.outcomes().isEmpty()) {
            throw new AssertionFailedError("the e2e run reported no scenario (exit " + run.exitCode() + "):\n"
                    + run.outputTail());
        }
        Stream<DynamicTest> perScenario = run.outcomes().stream().map(outcome ->
                DynamicTest.dynamicTest(outcome.name() + ": " + outcome.title(), () -> {
                    if (outcome.skipped()) {
                        throw new TestAbortedException("e2e scenario " + outcome.name() + " skipped: " + outcome.error());
                    }
                    if (!outcome.passed()) {
                        throw new AssertionFailedError(outcome.failureReport());
                    }
                }));
        boolean anyFailed = run.outcomes().stream().anyMatch(o -> !o.passed() && !o.skipped());
        if (run.exitCode() != 0 && !anyFailed) {
            // Every scenario passed yet the run failed (closing the browser, copying screenshots): say so.
            return Stream.concat(perScenario, Stream.of(DynamicTest.dynamicTest("the e2e run itself", () -> {
                throw new AssertionFailedError("the e2e run exited " + run.exitCode() + ":\n" + run.outputTail());
            })));
        }
        return perScenario;
    }
}
