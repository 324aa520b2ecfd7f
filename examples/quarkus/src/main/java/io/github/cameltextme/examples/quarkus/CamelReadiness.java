package io.github.cameltextme.examples.quarkus;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Camel's readiness checks in {@code /q/health/ready}, the textme-otp producer's among them (TextMe's balance call,
 * which sends no SMS): UP when every check is UP. The data hold each check's state and, for one that is not UP, its
 * message, which the component keeps free of the token; never an exception's stack trace.
 */
@Readiness
@ApplicationScoped
public class CamelReadiness implements HealthCheck {

    private final CamelContext camelContext;

    CamelReadiness(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public HealthCheckResponse call() {
        Collection<org.apache.camel.health.HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(camelContext);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("camel-readiness").up();
        for (org.apache.camel.health.HealthCheck.Result result : results) {
            String id = result.getCheck().getId();
            response.withData(id, result.getState().name());
            if (result.getState() != org.apache.camel.health.HealthCheck.State.UP) {
                response.down();
                result.getMessage().ifPresent(message -> response.withData(id + ".message", message));
            }
        }
        return response.build();
    }
}
