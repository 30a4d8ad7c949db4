package io.practicalsystems.crawler.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.UrlKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchTaskTest {

    @Test
    void tasksSurviveTheirJsonFormInOrder() {
        FetchTask first = new FetchTask("123", new Claim("http://a.test/ü?x=\"1\"", "a.test", 3, UrlKind.SITEMAP, 2, 5,
                "77", "host:1:abc", 1_765_000_000_123L));
        FetchTask second = new FetchTask("124", new Claim("http://b.test/", "b.test", 0, UrlKind.PAGE, 0, 0, "78",
                "host:1:abc", 1_765_000_000_456L));

        assertThat(FetchTask.fromJson(FetchTask.toJson(List.of(first, second)))).containsExactly(first, second);
    }

    @Test
    void aLoneTaskObjectIsReadAsOneTask() {
        FetchTask task = new FetchTask("1", new Claim("http://a.test/", "a.test", 0, UrlKind.PAGE, 0, 0, "t", "w", 9));
        String array = FetchTask.toJson(List.of(task));

        assertThat(FetchTask.fromJson(array.substring(1, array.length() - 1))).containsExactly(task);
    }

    @Test
    void aTaskClaimedAheadCarriesItsWaitAsAnInstantNotAsTheClaimsRelativeDueIn() {
        Claim ahead = new Claim("http://a.test/", "a.test", 0, UrlKind.PAGE, 0, 0, "8", "w", 1_765_000_060_000L, 150);
        Claim due = new Claim("http://b.test/", "b.test", 0, UrlKind.PAGE, 0, 0, "9", "w", 1_765_000_060_000L);

        FetchTask waits = FetchTask.claimedAt(1_765_000_000_000L, "123", ahead);

        assertThat(waits.notBeforeMillis()).isEqualTo(1_765_000_000_150L);
        assertThat(FetchTask.claimedAt(1_765_000_000_000L, "123", due).notBeforeMillis()).isZero();
        String json = FetchTask.toJson(List.of(waits));
        assertThat(json).doesNotContain("dueIn");
        assertThat(FetchTask.fromJson(json)).containsExactly(new FetchTask("123",
                new Claim("http://a.test/", "a.test", 0, UrlKind.PAGE, 0, 0, "8", "w", 1_765_000_060_000L),
                1_765_000_000_150L));
    }

    @Test
    void anythingElseIsRefusedAsNotATask() {
        assertThatThrownBy(() -> FetchTask.fromJson("{\"crawlId\":\"1\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchTask.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchTask.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchTask.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FetchTask.fromJson(FetchTask.toJson(List.of(new FetchTask("1", new Claim("u", "h", 0,
                UrlKind.PAGE, 0, 0, "t", "w", 1)))).replace("PAGE", "FILE"))).isInstanceOf(IllegalArgumentException.class);
    }
}
