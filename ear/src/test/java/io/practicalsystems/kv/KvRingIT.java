package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/kv-cluster/ring} on the shared one-node server: the node owns every arc, the arcs follow each other
 * round the ring and cover it once, and the cluster view's own route still answers next to it.
 */
class KvRingIT {

    @Test
    void theOneNodeOwnsEveryArcOfARingCoveredOnce(@SharedServer LibertyServer server) {
        Http.Response response = Http.get(server.baseUrl() + "/api/kv-cluster/ring");
        assertThat(response.status()).isEqualTo(200);
        JsonObject ring = response.json();
        String self = Kv.cluster(server).getString("self");
        assertThat(ring.getString("self")).isEqualTo(self);
        assertThat(ring.getInt("ringNodes")).isEqualTo(1);

        JsonArray arcs = ring.getJsonArray("arcs");
        assertThat(arcs).hasSize(Kv.cluster(server).getJsonArray("members").getJsonObject(0).getInt("vnodes"));
        double covered = 0;
        for (int i = 0; i < arcs.size(); i++) {
            JsonObject arc = arcs.getJsonObject(i);
            assertThat(arc.getString("node")).isEqualTo(self);
            assertThat(arc.getString("start")).as("arc %d starts where the one before ends", i)
                    .isEqualTo(arcs.getJsonObject((i + arcs.size() - 1) % arcs.size()).getString("end"));
            covered += arc.getJsonNumber("fraction").doubleValue();
        }
        assertThat(covered).isCloseTo(1.0, within(1e-9));
        assertThat(ring.getJsonNumber("firstStart").doubleValue()).isBetween(0.0, 1.0);
    }

    @Test
    void theClusterViewStillAnswersBesideTheRing(@SharedServer LibertyServer server) {
        JsonObject view = Kv.cluster(server);
        assertThat(view.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .mapToDouble(m -> m.getJsonNumber("ownership").doubleValue()).sum()).isCloseTo(1.0, within(1e-9));
    }
}
