package io.practicalsystems.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Does anything accept TCP connections on a loopback port? Used to decide whether to start embedded servers. */
public final class PortProbe {

    private PortProbe() {
    }

    public static boolean answers(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean answersOnLoopback(int port) {
        return answers("127.0.0.1", port, 300);
    }
}
