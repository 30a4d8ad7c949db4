package io.practicalsystems.platform.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The one shape of every health check: {@link #detailed()} finds the status and the details — backend addresses,
 * database names, error messages — and the public {@code /health} answers carry the check's name and status only,
 * because those details map the inside of the deployment for anyone who asks. The administrator reads them at
 * {@code /api/admin/health} ({@link HealthDetailsResource}).
 *
 * <p>A check is an {@code @ApplicationScoped} bean in the web module annotated {@code @Readiness} (or
 * {@code @Liveness}, {@code @Startup}), named {@code <What>HealthCheck}: platform checks in this package, a system's
 * in its {@code rest} package. Not in the EJB module: mpHealth asks every WAR's BeanManager for checks, and every WAR
 * sees the EJB module's beans, so a check declared there is run and reported once per WAR.
 */
public abstract class DetailedHealthCheck implements HealthCheck {

    /** The check's name, status and details; runs the check. */
    public abstract HealthCheckResponse detailed();

    /**
     * What {@code /health} shows to anyone: the name and the status, never the details. Not to be overridden (not
     * {@code final} only because CDI must proxy the bean; {@code WebConventionsTest} checks it).
     */
    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse detailed = detailed();
        return HealthCheckResponse.named(detailed.getName())
                .status(detailed.getStatus() == HealthCheckResponse.Status.UP)
                .build();
    }
}
