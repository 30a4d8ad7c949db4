package io.practicalsystems.crawler.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.testweb.Respond;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline reports its steps to the StepTimer it is given: which steps a task went through, once each. */
class StepTimerTest {

    private PipelineFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aPageTaskReportsRobotsFetchParseAndDedupOnceEachARobotsTurnReportsOnlyRobots() throws Exception {
        f = PipelineFixture.start(PipelineFixture.options(), PipelineFixture.definition(List.of(), 1, 0));
        String site = f.host("timed.crawl.test");
        f.web.site(site, ex -> {
            switch (ex.getRequestURI().getPath()) {
                case "/robots.txt", "/sitemap.xml" -> Respond.text(ex, 404, "none");
                default -> Respond.html(ex, 200, "<title>Timed</title><p>a page with a few words</p>");
            }
        });
        Map<StepTimer.Step, Integer> reports = new ConcurrentHashMap<>();
        f.pipeline.timeSteps((step, nanos) -> {
            assertThat(nanos).isNotNegative();
            reports.merge(step, 1, Integer::sum);
        });
        f.seed(f.url(site, "/"));

        f.next(); // robots.txt: the host's turn, the page goes back to its queue
        assertThat(reports).isEqualTo(Map.of(StepTimer.Step.ROBOTS, 1));

        reports.clear();
        f.next(); // the page
        assertThat(reports).isEqualTo(Map.of(StepTimer.Step.ROBOTS, 1, StepTimer.Step.FETCH, 1,
                StepTimer.Step.PARSE, 1, StepTimer.Step.DEDUP, 1));
    }
}
