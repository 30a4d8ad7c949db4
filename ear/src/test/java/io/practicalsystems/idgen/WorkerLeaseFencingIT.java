package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Fencing on a real server: when its lease key is taken over in Redis (as happens when a paused process's
 * lease expires and another instance takes the ID), the server stops issuing under that worker ID and
 * continues only under a newly leased one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
class WorkerLeaseFencingIT {

    private LibertyServer server;
    private UnifiedJedis redis;

    /**
     * On the shared server, with its default lease settings: a stolen lease is noticed at the next heartbeat (3 s),
     * and the server carries on under a new worker ID, which is all the other classes need.
     */
    @BeforeAll
    void start(@SharedServer LibertyServer server, OwnServers own) {
        this.server = server;
        redis = own.closeWhenDone(RedisClient.create(TestServers.redisUrl()));
    }

    @Test
    void aStolenLeaseStopsIssuingUnderThatWorkerIdAndALeaseIsTakenAgain() {
        int stolen = Http.getJson(server.baseUrl() + "/api/ids/info").getInt("workerId");
        String key = "idgen:lease:" + stolen;
        assertThat(redis.get(key)).as("the server's lease is in Redis").isNotBlank();

        redis.set(key, "intruder");
        try {
            int replacement = Await.until("a new worker ID",
                    () -> Http.getJson(server.baseUrl() + "/api/ids/info"),
                    info -> info.getBoolean("ready") && info.getInt("workerId") != stolen,
                    Duration.ofSeconds(60)).getInt("workerId");

            String body = Http.get(server.baseUrl() + "/api/ids/batch?count=10000").body();
            for (String id : body.replaceAll("[^0-9,]", "").split(",")) {
                long worker = (Long.parseLong(id) >>> 12) & 1023;
                assertThat(worker).isEqualTo(replacement).isNotEqualTo(stolen);
            }
            assertThat(redis.get(key)).as("the intruder's lease is left alone").isEqualTo("intruder");
        } finally {
            redis.del(key);
        }
    }
}
