package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.ApiKeys;
import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.BatchJobs;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shortener's click analytics end to end on the shared server ({@link SharedServer}): redirects counted at the
 * edge reach the stats exactly once, click aggregates published twice or redelivered by JMS count once, and the
 * Batch rollup's output equals the stored clicks. Split from {@link ShortenerIT} (links, redirects, bad input).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortenerClicksIT {

    private LibertyServer server;
    /** An issued key: only issued keys are accepted, and a link belongs to the key that created it. */
    private String key;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
        key = ApiKeys.issueKey(server, "ShortenerClicksIT");
    }

    @Test
    void everyClickOfABurstIsCountedExactlyOnce() {
        String code = Links.createCode(server, key, "https://burst.example/clicks");
        String[] referrers = {null, "https://a.example/x", "https://b.example/y"};
        int clicks = 240; // within the shared server's redirect limit (600 per client), whatever other tests spend
        // Sequential: counting under concurrency is ClickAggregatorTest's; here every click must reach the stats.
        for (int i = 0; i < clicks; i++) {
            assertThat(Links.follow(server, code, referrers[i % referrers.length]).status()).isEqualTo(302);
        }

        Links.awaitTotal(server, code, clicks);
        // Nothing double-counted: the total stays put over several flush windows (1 s each).
        for (int i = 0; i < 5; i++) {
            JsonObject stats = Links.stats(server, code);
            assertThat(stats.getJsonNumber("total").longValue()).isEqualTo(clicks);
            assertThat(stats.getJsonArray("topReferrers").stream().map(JsonObject.class::cast)
                    .collect(Collectors.toMap(r -> r.getString("host"), r -> r.getJsonNumber("clicks").longValue())))
                    .isEqualTo(java.util.Map.of("direct", 80L, "a.example", 80L, "b.example", 80L));
            Links.sleep(500);
        }
        assertThat(ClickTables.storedClicks(code)).isEqualTo(clicks);
    }

    @Test
    void duplicateAndRedeliveredClickAggregatesAreCountedOnce() {
        String code = Links.createCode(server, key, "https://dedupe.example/");
        String duplicate = aggregate("dup-" + shortId(), code, 2);
        publish(duplicate, false);
        publish(duplicate, false);
        publish(aggregate("redeliver-" + shortId(), code, 3), true); // the listener fails after storing it; JMS redelivers
        publish(aggregate("single-" + shortId(), code, 1), false);

        Links.awaitTotal(server, code, 6);
        Await.until("the redelivery to be processed", () -> server.logContains("fault injection: failing first delivery"),
                seen -> seen, Duration.ofSeconds(30));
        // Give a wrongly double-counting implementation the chance to show it: the redelivery has been processed
        // once the counters are stable across a few polls.
        for (int i = 0; i < 5; i++) {
            assertThat(Links.stats(server, code).getJsonNumber("total").longValue()).isEqualTo(6);
            Links.sleep(300);
        }
        assertThat(ClickTables.storedClicks(code)).isEqualTo(6);
    }

    @Test
    void theRollupJobOutputEqualsTheStoredClicks() {
        String code = Links.createCode(server, key, "https://rollup.example/");
        for (int i = 0; i < 7; i++) {
            Links.follow(server, code, i % 2 == 0 ? "https://a.example/" : null);
        }
        Links.awaitTotal(server, code, 7);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // Clicks of earlier tests may still be in flight: start once the day's stored clicks stop changing.
        java.util.Map<String, Long>[] previous = new java.util.Map[] {java.util.Map.of()};
        Await.until("today's stored clicks to settle", () -> ClickTables.storedGroups(today), now -> {
            boolean stable = now.equals(previous[0]);
            previous[0] = now;
            Links.sleep(1000);
            return stable;
        }, Duration.ofSeconds(60));
        long instance = BatchJobs.start(server, "click-rollup", java.util.Map.of("day", today));
        JsonObject execution = BatchJobs.awaitFinished(server, instance);
        assertThat(execution.getString("batchStatus")).isEqualTo("COMPLETED");
        assertThat(execution.getString("exitStatus")).startsWith("DAY=" + today + " EVENTS=");

        assertThat(ClickTables.rolledUpGroups(today)).isEqualTo(ClickTables.storedGroups(today));
        assertThat(ClickTables.rolledUpClicks(code, today)).isEqualTo(7);
    }

    private void publish(String wire, boolean failFirstDelivery) {
        Http.Response response = Http.post(server.httpsBaseUrl() + "/api/urls/admin/clicks?failFirstDelivery="
                + failFirstDelivery, clickJson(wire), TestServers.admin());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void anAggregateIdTooLongToStoreIsRejectedUpFront() {
        Http.Response response = Http.post(server.httpsBaseUrl() + "/api/urls/admin/clicks",
                clickJson(aggregate("x".repeat(32), "abc", 1)), TestServers.admin());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("aggregate");
    }

    private static String clickJson(String wire) {
        return Json.createObjectBuilder().add("aggregate", wire).build().toString();
    }

    /** A click aggregate (wire format a1) of {@code clicks} direct clicks on {@code code} today. */
    private static String aggregate(String id, String code, int clicks) {
        return "a1\t" + id + "\nc1\t" + code + "\t" + LocalDate.now(ZoneOffset.UTC) + "\tdirect\tother\t" + clicks;
    }
}
