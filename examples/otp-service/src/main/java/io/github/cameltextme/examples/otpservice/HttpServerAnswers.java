package io.github.cameltextme.examples.otpservice;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.main.MainHttpServer;

/**
 * Adds the service's own answers to the HTTP server Camel runs the routes on ({@link PathSpellings},
 * {@link RequestBodyLimit}, {@link UnroutedRequests}) once Camel has fully started, when the server's router exists.
 * The routes declare it as a bean, so that it comes along wherever they run: Camel Main ({@link OtpService}) and
 * {@code camel run} alike.
 */
public final class HttpServerAnswers implements CamelContextAware, StartupListener {

    private CamelContext camelContext;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** Takes the context the routes run in, and waits for its start. */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        try {
            camelContext.addStartupListener(this);
        } catch (Exception e) {
            throw new IllegalStateException("cannot wait for Camel's start to answer as JSON", e);
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server's consumers may not all be started yet: the answers are added once everything is
    }

    /**
     * Adds the answers to the router of Camel's HTTP server ({@code camel.server.*}).
     *
     * @throws IllegalStateException when Camel runs no HTTP server, or one without {@code camel.server.maxBodySize}
     */
    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("Camel runs no HTTP server for the OTP routes: set camel.server.enabled=true");
        }
        PathSpellings.refuseOtherSpellings(context, server.getRouter());
        RequestBodyLimit.answerAsJson(server.getRouter(), server.getMaxBodySize());
        UnroutedRequests.answerAsJson(context, server.getRouter());
    }
}
