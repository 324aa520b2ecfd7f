package io.github.cameltextme.otp.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Objects;

/**
 * Sends each request to the API or the inbox by its exact path, and {@code DELETE /requests} to the request log;
 * every other path is 404. A request whose Host header does not name the simulator is 421 ({@link HostCheck}).
 */
final class SimulatorRouter implements HttpHandler {

    private final ApiHandler api;
    private final InboxHandler inbox;
    private final RequestLog requestLog;
    private final HostCheck hostCheck;

    SimulatorRouter(ApiHandler api, InboxHandler inbox, RequestLog requestLog, HostCheck hostCheck) {
        this.api = api;
        this.inbox = inbox;
        this.requestLog = requestLog;
        this.hostCheck = hostCheck;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!hostCheck.allows(exchange.getRequestHeaders().get("Host"))) {
            HttpResponses.sendText(exchange, 421, "the Host header does not name this simulator");
            return;
        }
        try {
            switch (Objects.requireNonNullElse(exchange.getRequestURI().getPath(), "")) {
                case "/api" -> api.handle(exchange, false);
                case "/api/test" -> api.handle(exchange, true);
                case "/" -> inbox.page(exchange);
                case "/messages" -> inbox.messages(exchange);
                case "/requests" -> clearRequests(exchange);
                default -> HttpResponses.sendText(exchange, 404, "not found");
            }
        } catch (RuntimeException e) {
            HttpResponses.sendText(exchange, 500, "internal simulator error: " + e.getClass().getSimpleName());
        }
    }

    private void clearRequests(HttpExchange exchange) {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            requestLog.clear();
            HttpResponses.send(exchange, 204, HttpResponses.TEXT, new byte[0]);
        } else {
            HttpResponses.methodNotAllowed(exchange, "DELETE");
        }
    }
}
