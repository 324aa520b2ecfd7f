package io.github.cameltextme.examples.springboot;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

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

    /**
     * The request's path under the context path as the web server resolved it (decoded, normalized, without path
     * parameters), with no trailing slash: the path Spring matches to the endpoints.
     */
    static String servedPath(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The request's path under the context path as the caller wrote it: not decoded, path parameters included. */
    static String writtenPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
