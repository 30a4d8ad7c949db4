package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.node.NodeStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while this server's key-value node runs (store opened, configuration valid) and its ring has at least N
 * nodes — a node that just started knows only itself until gossip reaches the others, and answers 503 meanwhile.
 */
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
        if (!kv.isReady()) {
            return HealthCheckResponse.named("kv").down().withData("status", kv.unavailableReason()).build();
        }
        NodeStatus status = kv.status();
        int n = kv.node().config().quorum().n();
        boolean enoughNodes = status.ringNodes() >= n;
        return HealthCheckResponse.named("kv").status(enoughNodes)
                .withData("status", enoughNodes ? "running" : "waiting for the ring: " + status.ringNodes() + " of "
                        + n + " nodes known (N=" + n + ")")
                .withData("ringNodes", status.ringNodes()).build();
    }
}
