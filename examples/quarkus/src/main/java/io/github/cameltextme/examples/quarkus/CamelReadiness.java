package io.github.cameltextme.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck.Result;
import org.apache.camel.health.HealthCheck.State;
import org.apache.camel.health.HealthCheckHelper;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Camel's readiness checks in {@code /q/health/ready}, the textme-otp producer's among them (TextMe's balance call,
 * which sends no SMS): UP when every check is UP. Anyone who reaches the port may ask, so the answer holds each check's
 * name and state only; why a check is not UP (its message) goes to this class's DEBUG log, never to the caller.
 */
@Readiness
@ApplicationScoped
public class CamelReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(CamelReadiness.class);

    private final CamelContext camelContext;

    CamelReadiness(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("camel-readiness").up();
        for (Result result : HealthCheckHelper.invokeReadiness(camelContext)) {
            String id = result.getCheck().getId();
            response.withData(id, result.getState().name());
            if (result.getState() != State.UP) {
                response.down();
                LOG.debugf("Readiness check %s is %s: %s", id, result.getState(), result.getMessage().orElse("no message"));
            }
        }
        return response.build();
    }
}
