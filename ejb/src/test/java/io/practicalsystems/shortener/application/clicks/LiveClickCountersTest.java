package io.practicalsystems.shortener.application.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.redis.TestRedis;
import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.DailyStat;
import io.practicalsystems.shortener.LinkStats;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The live counters' read of several days in one round trip, on a real Redis and on one that does not answer. */
class LiveClickCountersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void eachDaysCountersAreReadByReferrerAndByAgentAndADayWithoutClicksIsEmpty() {
        try (RedisClient client = RedisBackend.pooledClient(TestRedis.url(), Duration.ofSeconds(2), 2)) {
            LiveClickCounters counters = countersOn(client);
            String code = "live-" + UUID.randomUUID();
            counters.countAll(List.of(new ClickBatch(UUID.randomUUID().toString(), DAY, List.of(
                    new DailyStat(code, DAY, "example.org", "firefox", 3),
                    new DailyStat(code, DAY, "news.example", "bot", 2)))));

            List<LinkStats.LiveDay> days = counters.days(code, List.of(DAY, DAY.plusDays(1)));

            assertThat(days).extracting(LinkStats.LiveDay::day).containsExactly(DAY, DAY.plusDays(1));
            assertThat(days.get(0).byReferrer()).isEqualTo(Map.of("example.org", 3L, "news.example", 2L));
            assertThat(days.get(0).byAgent()).isEqualTo(Map.of("firefox", 3L, "bot", 2L));
            assertThat(days.get(1).byReferrer()).isEmpty();
            assertThat(days.get(1).byAgent()).isEmpty();
        }
    }

    @Test
    void redisDownGivesEmptyCountersForEveryDayInsteadOfAFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RedisClient client = RedisBackend.pooledClient("redis://127.0.0.1:" + closedPort,
                Duration.ofMillis(300), 1)) {
            List<LinkStats.LiveDay> days = countersOn(client).days("any", List.of(DAY, DAY.plusDays(1)));

            assertThat(days).extracting(LinkStats.LiveDay::day).containsExactly(DAY, DAY.plusDays(1));
            assertThat(days).allSatisfy(day -> {
                assertThat(day.byReferrer()).isEmpty();
                assertThat(day.byAgent()).isEmpty();
            });
        }
    }

    private static LiveClickCounters countersOn(RedisClient client) {
        LiveClickCounters counters = new LiveClickCounters();
        counters.redis = client;
        return counters;
    }
}
