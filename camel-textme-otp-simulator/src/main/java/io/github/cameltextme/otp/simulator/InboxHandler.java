package io.github.cameltextme.otp.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP side of the inbox: the web page at {@code /} and the JSON list at {@code /messages} ({@code ?limit=N}: the
 * newest N only; the header {@code X-Total-Count} says how many the inbox holds). Each message says what became of its
 * code by the simulator's clock: {@code "state"} is {@code "used"} once a validate accepted it, {@code "replaced"} once a
 * newer code went to the same phone, {@code "out-of-tries"} once wrong codes spent its tries, {@code "expired"} past
 * its {@code "expiresAt"}, else {@code "unused"}.
 */
final class InboxHandler {

    private static final Pattern LIMIT_QUERY = Pattern.compile("limit=([1-9][0-9]{0,8})");

    private static final String PAGE_RESOURCE = "inbox.html";
    private static final String PAGE_SECURITY_POLICY = "default-src 'self'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private final Inbox inbox;
    private final Clock clock;
    private final byte[] page;

    InboxHandler(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
        this.page = loadPage();
    }

    void page(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            HttpResponses.methodNotAllowed(exchange, "GET, HEAD");
            return;
        }
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_SECURITY_POLICY);
        HttpResponses.send(exchange, 200, HttpResponses.HTML, page);
    }

    void messages(HttpExchange exchange) {
        switch (exchange.getRequestMethod()) {
            case "GET", "HEAD" -> list(exchange);
            case "DELETE" -> {
                inbox.clear();
                HttpResponses.send(exchange, 204, HttpResponses.TEXT, new byte[0]);
            }
            default -> HttpResponses.methodNotAllowed(exchange, "GET, HEAD, DELETE");
        }
    }

    private void list(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        int limit = Integer.MAX_VALUE;
        if (query != null) {
            Matcher matcher = LIMIT_QUERY.matcher(query);
            if (!matcher.matches()) {
                HttpResponses.sendText(exchange, 400, "the only query is limit=N, N from 1 to 999999999");
                return;
            }
            limit = Integer.parseInt(matcher.group(1));
        }
        Inbox.Page newest = inbox.newest(limit);
        exchange.getResponseHeaders().set("X-Total-Count", String.valueOf(newest.total()));
        Instant now = clock.instant();
        List<Map<String, Object>> json = newest.deliveries().stream().map(delivery -> toJson(delivery, now)).toList();
        HttpResponses.send(exchange, 200, HttpResponses.JSON, JsonCodec.write(json));
    }

    private static Map<String, Object> toJson(Inbox.Delivery delivery, Instant now) {
        SmsMessage message = delivery.message();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.id());
        json.put("phone", message.phone());
        json.put("source", message.source());
        json.put("appId", message.appId());
        json.put("text", message.text());
        json.put("code", message.code());
        json.put("sentAt", message.sentAt().toString());
        json.put("expiresAt", delivery.expiresAt().toString());
        json.put("state", delivery.state(now));
        return json;
    }

    private static byte[] loadPage() {
        try (InputStream in = InboxHandler.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + PAGE_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
