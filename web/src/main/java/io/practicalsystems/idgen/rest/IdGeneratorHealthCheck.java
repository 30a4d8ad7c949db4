package io.practicalsystems.idgen.rest;

import io.practicalsystems.idgen.application.GeneratorInfo;
import io.practicalsystems.idgen.application.IdGeneratorService;
import io.practicalsystems.platform.health.DetailedHealthCheck;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this server holds a worker ID and may issue IDs. */
@Readiness
@ApplicationScoped
public class IdGeneratorHealthCheck extends DetailedHealthCheck {

    @EJB
    IdGeneratorService ids;

    @Override
    public HealthCheckResponse detailed() {
        GeneratorInfo info = ids.info();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("idgen").status(info.ready())
                .withData("status", info.status());
        if (info.workerId() != null) {
            builder.withData("workerId", info.workerId());
        }
        return builder.build();
    }
}
