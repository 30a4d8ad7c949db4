package io.practicalsystems.platform.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@link LibertyCluster} parameter (of a {@code @BeforeAll} method) that receives the two servers shared by
 * every IT class that checks what two servers over the same Redis, SQL database and document store do together (see
 * {@link LibertyServers}). Their settings are {@link TestServers#sharedPair(String, String)}: a class that needs
 * other settings, or stops, kills or restarts a server, takes {@link OwnServers} instead.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LibertyServers.class)
public @interface SharedPair {
}
