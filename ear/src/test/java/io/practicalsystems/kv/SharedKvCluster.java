package io.practicalsystems.kv;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the one 3-node N=3 R=2 W=2 cluster ({@link KvTestCluster}, per-pair proxies) to the classes that share it
 * as a {@code KvTestCluster} parameter of their {@code @BeforeAll}: a 3-node start is about 3 minutes of a CI run on
 * 2 cores. The first class starts it; it is closed when every class in {@link #USERS} is done, or when the run ends
 * if some of them did not run.
 *
 * <p>A class may kill, partition, join and leave, but takes the cluster as the one before it left it (in either
 * order): every cut link is healed, every stopped node restarted, and the cluster awaited until it serves quorum
 * writes and reads before the class gets it. Keys are random per test, so no class sees another's data.
 */
final class SharedKvCluster implements ParameterResolver, AfterAllCallback {

    static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final Set<String> USERS = Set.of(KvClusterIT.class.getName(), ConsoleKvClusterIT.class.getName(),
            KvSpeculativeReadIT.class.getName());
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKvCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KvTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Users users = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Users.class, key -> new Users(),
                Users.class);
        return users.take(context.getRequiredTestClass().getName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Users users = context.getRoot().getStore(NAMESPACE).get(Users.class, Users.class);
        if (users != null) {
            users.release(context.getRequiredTestClass().getName());
        }
    }

    /** The running cluster and the classes done with it; closed by JUnit at the run's end if still open. */
    private static final class Users implements AutoCloseable {
        private final Set<String> done = new HashSet<>();
        private KvTestCluster cluster;

        synchronized KvTestCluster take(String testClass) {
            if (cluster == null) {
                cluster = new KvTestCluster("kv-cluster", 3, "3/2/2");
                try {
                    cluster.startAll();
                } catch (RuntimeException e) {
                    close();
                    throw e;
                }
            } else {
                cluster.heal();
                cluster.restartStopped();
            }
            cluster.awaitServing(CONVERGE);
            return cluster;
        }

        synchronized void release(String testClass) {
            done.add(testClass);
            if (done.containsAll(USERS)) {
                close();
            }
        }

        @Override
        public synchronized void close() {
            if (cluster != null) {
                cluster.close();
                cluster = null;
            }
        }
    }
}
