package io.practicalsystems.platform.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The end-to-end browser scenarios of {@code ear/src/test/e2e} (Node.js, playwright-core driving Debian's
 * Chromium), run as one process against a running server: {@code npm ci --prefer-offline} once, then
 * {@code node run.mjs}, which launches one browser for all scenarios and writes a JSON report with one entry per
 * scenario. Screenshots go to docs/screenshots only when every scenario that ran passed (run.mjs decides).
 *
 * <p>Settings (system properties, set by the ear pom for failsafe): {@code e2e.dir} (the Node project),
 * {@code e2e.work.dir} (report, log, staged screenshots), {@code e2e.screenshots.dir} (where passing runs write
 * their screenshots; empty: nowhere), {@code e2e.only} (comma-separated scenario names; empty: all),
 * {@code e2e.chromium} (default /usr/bin/chromium).
 */
public final class BrowserScenarios {

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);
    private static final int OUTPUT_TAIL_LINES = 60;

    /** One scenario's outcome as run.mjs reported it. */
    public record Outcome(String name, String title, String status, String error, List<String> log, long millis) {

        public boolean passed() {
            return "passed".equals(status);
        }

        public boolean skipped() {
            return "skipped".equals(status);
        }

        /** What a failure shows: run.mjs's error (with the stack into the scenario) and the scenario's own log. */
        public String failureReport() {
            return "e2e scenario " + name + " (" + title + ") " + status + ":\n" + error
                    + "\n--- scenario log ---\n" + String.join("\n", log);
        }
    }

    /** The whole run: every scenario's outcome, the process's exit code, its output and what npm and node took. */
    public record Run(List<Outcome> outcomes, int exitCode, String output, Duration npmCi, Duration scenarios) {

        public String outputTail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()));
        }
    }

    private final Path projectDir;
    private final Path workDir;
    private final String screenshotsDir;
    private final String only;
    private final String chromium;

    private BrowserScenarios(Path projectDir, Path workDir, String screenshotsDir, String only, String chromium) {
        this.projectDir = projectDir;
        this.workDir = workDir;
        this.screenshotsDir = screenshotsDir;
        this.only = only;
        this.chromium = chromium;
    }

    /** Settings from the system properties the ear pom passes to failsafe. */
    public static BrowserScenarios fromSystemProperties() {
        return new BrowserScenarios(
                Path.of(required("e2e.dir")),
                Path.of(required("e2e.work.dir")),
                System.getProperty("e2e.screenshots.dir", ""),
                System.getProperty("e2e.only", ""),
                System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    }

    /** The same settings with a work directory of its own under this one (a second run in the same JVM). */
    public BrowserScenarios inWorkSubdirectory(String name) {
        return new BrowserScenarios(projectDir, workDir.resolve(name), screenshotsDir, only, chromium);
    }

    /**
     * Aborts the calling test (skipped, with a sentence) when there is no Chromium: the README's test command must
     * pass on a machine with only a JDK, Maven and Node; CI installs Chromium first, so there they always run.
     */
    public void assumeBrowser(String caller) {
        if (!browserAvailable()) {
            System.out.println(caller + ": " + missingBrowserSentence());
            Assumptions.abort(missingBrowserSentence());
        }
    }

    /**
     * One JUnit test per scenario of {@code run}: failing with the scenario's error and log, skipped with the reason a
     * scenario declared; plus one failing test when the run itself failed although every scenario passed.
     */
    public static Stream<DynamicTest> tests(Run run) {
        System.out.println(run.output());
        System.out.printf("e2e: npm ci %.1f s, node run.mjs %.1f s%n", run.npmCi().toMillis() / 1000.0,
                run.scenarios().toMillis() / 1000.0);
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

    /** Whether the Chromium the scenarios drive is there; {@code .ci/run} installs it, a bare machine may not have it. */
    public boolean browserAvailable() {
        return Files.isExecutable(Path.of(chromium));
    }

    /** What to say when {@link #browserAvailable()} is false. */
    public String missingBrowserSentence() {
        return "no Chromium at " + chromium + ": the browser tests are SKIPPED. Install Debian's chromium"
                + " (apt-get install -y chromium, as .ci/run does) or pass -De2e.chromium=/path/to/it";
    }

    /**
     * Installs the Node project's locked dependencies and runs the scenarios against {@code baseUrl}. Throws, with
     * the output, when the tools are missing, npm fails, or the run ends without a report; a failed scenario is
     * not an exception here but an {@link Outcome}.
     */
    public Run runAgainst(String baseUrl) {
        return runAgainst(baseUrl, Map.of());
    }

    /** As {@link #runAgainst(String)}, with more settings for the scenarios as environment variables of the run. */
    public Run runAgainst(String baseUrl, Map<String, String> scenarioEnv) {
        return runAgainst(baseUrl, only, scenarioEnv);
    }

    /**
     * Runs the scenarios named in {@code onlyScenarios} (all when blank) with {@code scenarioEnv} added to their
     * environment. A scenario that exports {@code needs} runs only when named (run.mjs leaves it out of a run without
     * {@code --only}): an IT that starts the servers it needs runs it this way.
     */
    public Run runAgainst(String baseUrl, String onlyScenarios, Map<String, String> scenarioEnv) {
        try {
            Files.createDirectories(workDir);
            long npmStarted = System.nanoTime();
            String npmOutput = exec("npm ci", NPM_TIMEOUT, "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund");
            Duration npmCi = Duration.ofNanos(System.nanoTime() - npmStarted);
            Path report = workDir.resolve("report.json");
            Files.deleteIfExists(report);
            List<String> command = new ArrayList<>(List.of("node", "run.mjs", "--base-url", baseUrl,
                    "--report", report.toString(), "--work", workDir.toString()));
            if (!screenshotsDir.isBlank()) {
                command.addAll(List.of("--screenshots", screenshotsDir));
            }
            if (!onlyScenarios.isBlank()) {
                command.addAll(List.of("--only", onlyScenarios));
            }
            long nodeStarted = System.nanoTime();
            Process node = start(command, workDir.resolve("run.log"), scenarioEnv);
            int exit = await(node, RUN_TIMEOUT, "node run.mjs");
            Duration scenarios = Duration.ofNanos(System.nanoTime() - nodeStarted);
            String output = Files.readString(workDir.resolve("run.log"));
            if (!Files.exists(report)) {
                throw new IllegalStateException("the e2e run (exit " + exit + ") wrote no report; its output:\n"
                        + npmOutput + output);
            }
            return new Run(parse(Files.readString(report)), exit, output, npmCi, scenarios);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String exec(String what, Duration timeout, String... command) throws IOException {
        Path log = workDir.resolve(command[0] + ".log");
        int exit = await(start(List.of(command), log, Map.of()), timeout, what);
        String output = Files.readString(log);
        if (exit != 0) {
            throw new IllegalStateException(what + " in " + projectDir + " failed (exit " + exit + "):\n" + output);
        }
        return output;
    }

    private Process start(List<String> command, Path log, Map<String, String> scenarioEnv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(scenarioEnv);
        env.put("CHROMIUM_PATH", chromium);
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");   // never let a tool fetch a browser of its own
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (" + e.getMessage() + "): the"
                    + " browser tests need Node.js 20+ and npm on the PATH", e);
        }
    }

    private static int await(Process process, Duration timeout, String what) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout.toMinutes() + " min");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("interrupted waiting for " + what, e);
        }
    }

    static List<Outcome> parse(String reportJson) {
        try (JsonReader reader = Json.createReader(new StringReader(reportJson))) {
            return reader.readObject().getJsonArray("scenarios").getValuesAs(JsonObject.class).stream()
                    .map(s -> new Outcome(s.getString("name"), s.getString("title"), s.getString("status"),
                            text(s.get("error")).orElse(""),
                            s.getJsonArray("log").getValuesAs(JsonString.class).stream()
                                    .map(JsonString::getString).collect(Collectors.toList()),
                            s.getJsonNumber("ms").longValue()))
                    .toList();
        }
    }

    private static Optional<String> text(JsonValue value) {
        return value instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the ear pom sets it for"
                    + " failsafe)");
        }
        return value;
    }
}
