package io.github.cameltextme.examples.springboot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A taken HTTP port, reported as one sentence naming the setting that changes it; ahead of Spring Boot's own analyzer,
 * which does not name it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis("Port " + cause.getPort() + " is taken by another program.",
                                   "Set SERVER_PORT to a free port.", cause);
    }
}
