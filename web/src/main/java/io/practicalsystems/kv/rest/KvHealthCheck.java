package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvReadiness;
import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.platform.health.DetailedHealthCheck;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while this server's key-value node runs (store open — DOWN while a failed store is being reopened —
 * configuration valid) and its ring has at least N nodes: a node that just started knows only itself until gossip
 * reaches the others, and answers 503 meanwhile.
 */
@Readiness
@ApplicationScoped
public class KvHealthCheck extends DetailedHealthCheck {

    @EJB
    KvService kv;

    @Override
    public HealthCheckResponse detailed() {
        KvReadiness readiness = kv.readiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kv").status(readiness.up())
                .withData("status", readiness.status());
        return readiness.ringNodes() >= 0 ? response.withData("ringNodes", readiness.ringNodes()).build()
                : response.build();
    }
}
