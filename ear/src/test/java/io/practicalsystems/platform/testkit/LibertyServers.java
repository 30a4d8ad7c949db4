package io.practicalsystems.platform.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension through which IT classes get their Liberty servers. A Liberty start is most of an IT
 * class's time here (30-60 s on 2 cores), so servers are started only as often as isolation requires:
 *
 * <ul>
 *   <li>{@code @SharedServer LibertyServer}: the one server shared by every class that needs no isolation. Started
 *       when a class first asks for it, kept in the root context's store and stopped when the whole run ends.
 *       Classes that share it must not depend on each other's data: each test uses keys, links and API keys of its
 *       own (random suffixes).</li>
 *   <li>{@code @SharedPair LibertyCluster}: two servers over the same Redis, SQL database and document store, shared
 *       by the classes that check what two servers do together; started, kept and stopped the same way.</li>
 *   <li>{@link OwnServers}: servers (and proxies, clusters) of a class's own, for kill -9, clock steps, failovers,
 *       start-up refusals, restarts and other settings. Everything started through it is stopped when the context
 *       that asked for it ends: ask for it in {@code @BeforeAll} and that is the end of the class.</li>
 * </ul>
 *
 * {@link SharedServer} registers this extension on the parameter; a class that takes only {@link OwnServers} adds
 * {@code @ExtendWith(LibertyServers.class)}.
 */
public final class LibertyServers implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LibertyServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OwnServers.class || type == LibertyServer.class && parameter.isAnnotated(SharedServer.class)
                || type == LibertyCluster.class && parameter.isAnnotated(SharedPair.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == OwnServers.class) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(OwnServers.class, key -> new OwnServers(),
                    OwnServers.class);
        }
        if (parameter.isAnnotated(SharedPair.class)) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedPairResource.class, key -> SharedPairResource.start(),
                            SharedPairResource.class)
                    .pairFor(context.getDisplayName());
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServerResource.class, key -> SharedServerResource.start(),
                        SharedServerResource.class)
                .serverFor(context.getDisplayName());
    }
}
