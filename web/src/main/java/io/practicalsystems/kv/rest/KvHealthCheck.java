package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while this server's key-value node runs (its store opened, its configuration valid). */
@Readiness
@ApplicationScoped
public class KvHealthCheck implements HealthCheck {

    @EJB
    KvService kv;

    @Override
    public HealthCheckResponse call() {
        if (!kv.settings().enabled()) {
            return HealthCheckResponse.named("kv").up().withData("status", "disabled").build();
        }
        return HealthCheckResponse.named("kv").status(kv.isReady())
                .withData("status", kv.isReady() ? "running" : kv.unavailableReason()).build();
    }
}
