package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.ApiKeys;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyCluster;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedPair;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two servers sharing Redis and MariaDB: codes never collide, any server redirects any code, one rate limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortenerTwoServersIT {

    private static final int CREATE_LIMIT = TestServers.SHARED_PAIR_CREATE_LIMIT;

    private LibertyCluster cluster;

    /** The shared pair ({@link SharedPair}): a create limit that does not refill while a test runs. */
    @BeforeAll
    void start(@SharedPair LibertyCluster pair) {
        cluster = pair;
    }

    @Test
    void codesCreatedConcurrentlyOnBothServersAreUniqueAndRedirectEverywhere() {
        List<CompletableFuture<List<String>>> creators = new ArrayList<>();
        for (int client = 0; client < 16; client++) {
            LibertyServer server = cluster.get(client % 2);
            String key = ApiKeys.issueKey(cluster.get(0), "pair-" + client); // keys live in SQL: valid on both
            creators.add(CompletableFuture.supplyAsync(() -> {
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < CREATE_LIMIT; i++) {
                    codes.add(Links.createCode(server, key, "https://pair.example/" + key + "/" + i));
                }
                return codes;
            }));
        }
        List<String> all = creators.stream().flatMap(f -> f.join().stream()).toList();
        Set<String> unique = new HashSet<>(all);
        assertThat(unique).hasSize(16 * CREATE_LIMIT);
        for (String code : all.subList(0, 20)) {
            assertThat(Links.follow(cluster.get(0), code, null).status()).isEqualTo(302);
            assertThat(Links.follow(cluster.get(1), code, null).status()).isEqualTo(302);
        }
    }

    @Test
    void oneRateLimitIsSharedByBothServers() {
        String key = ApiKeys.issueKey(cluster.get(0), "limited");
        for (int i = 0; i < CREATE_LIMIT; i++) {
            LibertyServer server = cluster.get(i % 2);
            Http.Response created = Links.create(server, key, Json.createObjectBuilder().add("url", "https://limit.example/" + i));
            assertThat(created.status()).as("request " + (i + 1) + " of " + CREATE_LIMIT).isEqualTo(201);
        }
        for (LibertyServer server : cluster.servers()) {
            Http.Response limited = Links.create(server, key, Json.createObjectBuilder().add("url", "https://limit.example/x"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isPresent();
            assertThat(limited.header("RateLimit-Limit")).hasValue(Integer.toString(CREATE_LIMIT));
            assertThat(limited.json().getString("type")).endsWith("/rate-limited");
        }
        // Another client is not affected by this one's limit.
        assertThat(Links.create(cluster.get(0), ApiKeys.issueKey(cluster.get(0), "other"),
                Json.createObjectBuilder().add("url", "https://limit.example/other")).status()).isEqualTo(201);
    }
}
