package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Liberty servers sharing this machine's Redis and MariaDB lease distinct worker IDs and together issue
 * over a million IDs without a single duplicate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
class TwoServersUniqueIdsIT {

    private static final int BATCHES_PER_SERVER = 55;
    private static final int BATCH = 10_000;

    private List<LibertyServer> servers;

    /** The shared server and one of this class's own: any two servers on the same Redis and SQL will do. */
    @BeforeAll
    void start(@SharedServer LibertyServer shared, OwnServers own) {
        servers = List.of(shared, own.start(TestServers.realServices("idgen-pair")));
    }

    @Test
    void distinctWorkerIdsAndNoDuplicateAmongOverAMillionIds() {
        int firstWorker = workerId(servers.get(0));
        int secondWorker = workerId(servers.get(1));
        assertThat(firstWorker).isNotEqualTo(secondWorker);

        List<CompletableFuture<long[]>> fetches = servers.stream()
                .map(server -> CompletableFuture.supplyAsync(() -> fetch(server))).toList();
        long[] first = fetches.get(0).join();
        long[] second = fetches.get(1).join();

        assertThat(first.length + second.length).isGreaterThanOrEqualTo(1_000_000);
        assertAllFromWorker(first, firstWorker);
        assertAllFromWorker(second, secondWorker);

        long[] all = new long[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            assertThat(all[i]).as("duplicate ID").isNotEqualTo(all[i - 1]);
        }
    }

    private static long[] fetch(LibertyServer server) {
        long[] ids = new long[BATCHES_PER_SERVER * BATCH];
        int n = 0;
        long previous = -1;
        for (int b = 0; b < BATCHES_PER_SERVER; b++) {
            String body = Http.get(server.baseUrl() + "/api/ids/batch?count=" + BATCH).body();
            // Plain scan instead of a JSON tree: 550k values per server.
            int at = body.indexOf('[') + 1;
            while (at < body.length() && body.charAt(at) != ']') {
                int start = body.indexOf('"', at) + 1;
                int end = body.indexOf('"', start);
                long id = Long.parseLong(body, start, end, 10);
                assertThat(id).as("strictly increasing within one server").isGreaterThan(previous);
                previous = id;
                ids[n++] = id;
                at = end + 1;
                if (body.charAt(at) == ',') {
                    at++;
                }
            }
        }
        assertThat(n).isEqualTo(ids.length);
        return ids;
    }

    private static void assertAllFromWorker(long[] ids, int workerId) {
        for (long id : ids) {
            assertThat((id >>> 12) & 1023).isEqualTo(workerId);
        }
    }

    private static int workerId(LibertyServer server) {
        return Http.getJson(server.baseUrl() + "/api/ids/info").getInt("workerId");
    }
}
