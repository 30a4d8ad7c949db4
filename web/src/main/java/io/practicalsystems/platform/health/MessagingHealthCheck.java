package io.practicalsystems.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only if the embedded messaging engine accepts a connection and the platform queue is browsable. */
@Readiness
@ApplicationScoped
public class MessagingHealthCheck extends DetailedHealthCheck {

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/platformEvents")
    Queue platformEvents;

    @Override
    public HealthCheckResponse detailed() {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(platformEvents)) {
            browser.getEnumeration();
            return HealthCheckResponse.named("messaging").up().withData("engine", "embedded").build();
        } catch (Exception e) {
            return HealthCheckResponse.named("messaging").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
