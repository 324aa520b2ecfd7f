package io.github.cameltextme.otp.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A request the simulator's API received, kept for assertions in tests.
 * {@link #toString()} leaves out the headers' values and the body, so printing it never shows a token or code.
 *
 * @param method     the HTTP method
 * @param path       the request path, {@code /api} or {@code /api/test}
 * @param headers    the request headers, names in lower case, up to 8 KiB of names and values
 * @param body       the request body decoded as UTF-8, its first 4 KiB only
 * @param receivedAt when the simulator's clock says it arrived
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body, Instant receivedAt) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        headers = lowerCaseNames(headers);
    }

    /** The first value of the header {@code name} (any case), if the request had it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** True for requests to the dry-run endpoint {@code /api/test}. */
    public boolean dryRun() {
        return path.equals("/api/test");
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + " at " + receivedAt
                + ", headers=" + headers.keySet() + ", body=" + body.length() + " chars]";
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), RecordedRequest::concat));
        return Map.copyOf(copy);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
