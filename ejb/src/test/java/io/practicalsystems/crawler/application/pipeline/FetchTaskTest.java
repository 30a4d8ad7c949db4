package io.practicalsystems.crawler.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.UrlKind;
import org.junit.jupiter.api.Test;

class FetchTaskTest {

    @Test
    void aTaskSurvivesItsJsonForm() {
        FetchTask task = new FetchTask("123", new Claim("http://a.test/ü?x=\"1\"", "a.test", 3, UrlKind.SITEMAP, 2, 5,
                "77", "host:1:abc", 1_765_000_000_123L));

        assertThat(FetchTask.fromJson(task.toJson())).isEqualTo(task);
    }

    @Test
    void aTaskClaimedAheadWaitsFromItsClaimUntilItsHostIsDueAndSurvivesItsJsonForm() {
        Claim ahead = new Claim("http://a.test/", "a.test", 0, UrlKind.PAGE, 0, 0, "8", "w", 1_765_000_060_000L, 150);
        Claim due = new Claim("http://b.test/", "b.test", 0, UrlKind.PAGE, 0, 0, "9", "w", 1_765_000_060_000L);

        FetchTask waits = FetchTask.claimedAt(1_765_000_000_000L, "123", ahead);

        assertThat(waits.notBeforeMillis()).isEqualTo(1_765_000_000_150L);
        assertThat(FetchTask.claimedAt(1_765_000_000_000L, "123", due).notBeforeMillis()).isZero();
        assertThat(FetchTask.fromJson(waits.toJson())).isEqualTo(waits);
    }

    @Test
    void anythingElseIsRefusedAsNotATask() {
        assertThatThrownBy(() -> FetchTask.fromJson("{\"crawlId\":\"1\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchTask.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchTask.fromJson(new FetchTask("1", new Claim("u", "h", 0, UrlKind.PAGE, 0, 0, "t",
                "w", 1)).toJson().replace("PAGE", "FILE"))).isInstanceOf(IllegalArgumentException.class);
    }
}
