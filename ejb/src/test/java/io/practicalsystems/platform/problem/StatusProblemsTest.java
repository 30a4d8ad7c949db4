package io.practicalsystems.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusProblemsTest {

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 406, 408, 411, 413, 414, 415, 418, 431, 451, 500, 501, 502, 503})
    void everyStatusGetsASentenceAndKeepsItsStatus(int status) {
        Problem problem = StatusProblems.of(status, null);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.title()).isNotBlank();
        assertThat(problem.detail()).endsWith(".").doesNotContain("Exception").doesNotContain("SRVE");
    }

    @Test
    void aNotFoundNamesThePathItLookedFor() {
        assertThat(StatusProblems.of(404, "/WEB-INF/web.xml").detail()).isEqualTo("No resource at /WEB-INF/web.xml");
    }

    @Test
    void anEchoedPathIsBounded() {
        String detail = StatusProblems.of(404, "/" + "a".repeat(10_000)).detail();
        assertThat(detail).hasSizeLessThan(StatusProblems.MAX_ECHOED_PATH + 20);
    }

    @Test
    void theChallengeSaysWhichCredentialsAreNeeded() {
        Problem unauthorized = StatusProblems.of(401, "/api/admin/health");
        assertThat(unauthorized.slug()).isEqualTo("unauthorized");
        assertThat(unauthorized.detail()).contains("administrator").contains("Basic");
    }
}
