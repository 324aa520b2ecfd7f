package io.github.cameltextme.examples.quarkus;

import java.util.Set;

/** The paths of the service's two endpoints, each served under this exact spelling only ({@link PathSpellings}). */
public final class EndpointPaths {

    /** Sends a code: {@code POST {"phone": "..."}}. */
    public static final String SEND = "/otp/send";
    /** Checks a code: {@code POST {"phone": "...", "code": "..."}}. */
    public static final String VERIFY = "/otp/verify";
    /** Both. */
    public static final Set<String> ALL = Set.of(SEND, VERIFY);

    private EndpointPaths() {
    }
}
