package io.practicalsystems.kv.peer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientWrite;
import io.practicalsystems.kv.node.NodeTransport;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.server.PeerServerFixture;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import io.practicalsystems.kv.storage.ObjectLimits;
import io.practicalsystems.kv.version.CausalContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NodeTransport} must do with a coordinator's refusal of a forwarded write: fail the write with the
 * same {@link ObjectLimitExceededException} the coordinator threw, so the forwarding node answers its client with the
 * same 409/413 (an {@code ObjectLimitExceededException} passes {@code ClientWritePath} as the coordinator's verdict).
 * Each subclass runs its transport's client end against a real server of its kind, answering from a real
 * {@code PeerServer} over a simulated node n1 whose keys hold at most 2 siblings and 10 bytes.
 */
abstract class ForwardRefusalContract {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final PeerServerFixture fixture = new PeerServerFixture(Optional.of(PeerServerFixture.SECRET),
            new ObjectLimits(10, 2));
    final Optional<PeerKey> key = PeerKey.of(Optional.of(PeerServerFixture.SECRET));

    /** The transport under test, calling node n1 at {@code http://127.0.0.1:port}. */
    abstract NodeTransport transport();

    static ClientWrite blind(String key, String value) {
        return new ClientWrite(key, CausalContext.empty(), Optional.of(Blob.ofUtf8(value)), RequestOverrides.none());
    }

    /** What the forwarded write failed with. */
    Throwable failureOf(ClientWrite write) {
        Throwable thrown = catchThrowable(() -> transport().forwardWrite(PeerServerFixture.SERVER, write).join());
        assertThat(thrown).as("the forwarded write failed").isInstanceOf(CompletionException.class);
        return thrown.getCause();
    }

    @Test
    void aWriteRefusedForItsSiblingsFailsWithTheCoordinatorsSiblingLimit() {
        fixture.pileUp("k", "a", "b");

        assertThat(failureOf(blind("k", "c"))).isInstanceOfSatisfying(ObjectLimitExceededException.class, e -> {
            assertThat(e.key()).isEqualTo("k");
            assertThat(e.limit()).isEqualTo(ObjectLimitExceededException.Limit.SIBLINGS);
            assertThat(e.allowed()).isEqualTo(2);
            assertThat(e.actual()).isEqualTo(3);
            assertThat(e.merge()).isFalse();
        });
        assertThat(fixture.stored("k")).containsExactly("a", "b");
    }

    @Test
    void aWriteRefusedForItsBytesFailsWithTheCoordinatorsByteLimit() {
        fixture.pileUp("big", "12345678");

        assertThat(failureOf(blind("big", "123"))).isInstanceOfSatisfying(ObjectLimitExceededException.class, e -> {
            assertThat(e.limit()).isEqualTo(ObjectLimitExceededException.Limit.BYTES);
            assertThat(e.allowed()).isEqualTo(10);
            assertThat(e.actual()).isEqualTo(11);
        });
        assertThat(fixture.stored("big")).containsExactly("12345678");
    }
}
