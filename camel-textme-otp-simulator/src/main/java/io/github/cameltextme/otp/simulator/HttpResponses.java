package io.github.cameltextme.otp.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a complete response and closes the exchange. */
final class HttpResponses {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    private HttpResponses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean withBody = body.length > 0 && !"HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, withBody ? body.length : -1);
            if (withBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientWentAway) {
            // Nothing is left to answer: the connection is gone, and closing the exchange released it.
        }
    }

    static void sendText(HttpExchange exchange, int status, String text) {
        send(exchange, status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static void methodNotAllowed(HttpExchange exchange, String allowedMethods) {
        exchange.getResponseHeaders().set("Allow", allowedMethods);
        sendText(exchange, 405, "method not allowed; use " + allowedMethods);
    }
}
