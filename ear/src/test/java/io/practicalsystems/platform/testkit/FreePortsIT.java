package io.practicalsystems.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Run by failsafe with the ITs (the EAR module has no unit-test phase); it starts no server. */
class FreePortsIT {

    @Test
    void portsComeFromBelowTheEphemeralRangeAreDistinctAndBindable() throws IOException {
        assumeTrue(FreePorts.ephemeralStart().isPresent(), "the kernel's ephemeral range is known (Linux)");
        int ephemeralStart = FreePorts.ephemeralStart().get();

        Set<Integer> ports = new HashSet<>();
        IntStream.range(0, 20).forEach(i -> ports.add(FreePorts.next()));

        assertThat(ports).hasSize(20).allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST,
                ephemeralStart - 1));
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ports.iterator().next()));
        }
    }
}
