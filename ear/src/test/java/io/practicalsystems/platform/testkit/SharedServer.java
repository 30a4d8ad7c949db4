package io.practicalsystems.platform.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@link LibertyServer} parameter (of a {@code @BeforeAll} method) that receives the one server shared by
 * every IT class that needs no isolation; see {@link LibertyServers}. Its settings are
 * {@link TestServers#shared(String)}: a class that needs other settings, or stops, kills or restarts its server, takes
 * {@link OwnServers} instead.
 *
 * <pre>{@code
 * @BeforeAll
 * void start(@SharedServer LibertyServer server) {
 *     this.server = server;
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LibertyServers.class)
public @interface SharedServer {
}
