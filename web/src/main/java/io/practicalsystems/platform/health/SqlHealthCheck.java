package io.practicalsystems.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only if the pooled datasource hands out a connection that validates. */
@Readiness
@ApplicationScoped
public class SqlHealthCheck extends DetailedHealthCheck {

    @Resource(lookup = "jdbc/practical")
    DataSource dataSource;

    @Override
    public HealthCheckResponse detailed() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("sql").status(valid)
                    .withData("database", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("sql").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
