package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Versioned;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The process {@link MvStoreReplicaStoreTest} kills with SIGKILL: opens a store and writes keys from several threads
 * until killed, printing each key only after {@code update} returned — the moment a node would acknowledge it.
 *
 * <p>Arguments: the store file, the number of writer threads, and optionally bytes of padding per value (big values
 * fill the log quickly, so checkpoints run while the writers write). Exits by itself when its standard input closes,
 * so it cannot outlive a test JVM that died without killing it.
 */
public final class AcknowledgingWriter {

    static final NodeId WRITER = NodeId.of("writer");

    private AcknowledgingWriter() {
    }

    static String valueOf(String key, int padding) {
        return "value of " + key + "#".repeat(padding);
    }

    public static void main(String[] args) throws Exception {
        MvStoreReplicaStore store = MvStoreReplicaStore.open(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        int padding = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        PrintStream out = System.out;
        for (int t = 0; t < threads; t++) {
            String prefix = "w" + t + "-";
            Thread writer = new Thread(() -> {
                for (long i = 0; ; i++) {
                    String key = prefix + i;
                    Versioned<Blob> value = Versioned.of(Blob.ofUtf8(valueOf(key, padding)), Instant.EPOCH);
                    store.update(key, CausalContext.empty(), value, WRITER);
                    synchronized (out) {
                        out.println(key);
                        out.flush();
                    }
                }
            }, "writer-" + t);
            writer.setDaemon(true);
            writer.start();
        }
        waitForEndOfInput();
        System.exit(3);
    }

    private static void waitForEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // the parent never writes; only end of input matters
            }
        } catch (IOException e) {
            // the parent is gone either way
        }
    }
}
