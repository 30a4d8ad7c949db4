package io.practicalsystems.platform.health;

import io.practicalsystems.platform.redis.RedisBackend;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only if Redis answers a real PING through the shared pool. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck extends DetailedHealthCheck {

    @EJB
    RedisBackend redis;

    @Override
    public HealthCheckResponse detailed() {
        try {
            String pong = redis.client().ping();
            return HealthCheckResponse.named("redis").status("PONG".equalsIgnoreCase(pong))
                    .withData("backend", redis.description()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("redis").down()
                    .withData("backend", redis.description())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
