package io.github.cameltextme.otp.simulator;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a request's {@code Host} header names this simulator: {@code localhost}, {@code 127.0.0.1}, {@code [::1]},
 * the configured host or the address it is bound to, with its port if the header has one. A web page that reaches the
 * simulator through DNS rebinding sends its own host name instead, so it cannot read the inbox or use the API; a
 * browser always names the port unless it is 80. Bound to a wildcard address, the simulator also answers any IP
 * address literal: it cannot know its own addresses, and rebinding needs a name.
 */
final class HostCheck {

    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+]");

    private final Set<String> names = new HashSet<>();
    private final boolean anyIpLiteral;
    private final String port;

    HostCheck(String configuredHost, InetAddress bound, int port) {
        names.addAll(List.of("localhost", "127.0.0.1", "[::1]", literal(bound), hostName(configuredHost)));
        this.anyIpLiteral = bound.isAnyLocalAddress();
        this.port = String.valueOf(port);
    }

    /** True for exactly one Host header naming this simulator. */
    boolean allows(List<String> hostHeaders) {
        if (hostHeaders == null || hostHeaders.size() != 1) {
            return false;
        }
        String host = hostHeaders.get(0).trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        String name = hasPort ? host.substring(0, colon) : host;
        boolean portMatches = !hasPort || host.substring(colon + 1).equals(port);
        return portMatches && (names.contains(name) || anyIpLiteral && IP_LITERAL.matcher(name).matches());
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress().toLowerCase(Locale.ROOT);
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    private static String hostName(String configured) {
        String name = configured.toLowerCase(Locale.ROOT);
        return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
    }
}
