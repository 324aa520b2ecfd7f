package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code OPTIONS}, which Spring MVC would answer itself (200 with {@code Allow}), as any other method than
 * {@code POST}: 405 {@code {"error": "this endpoint takes POST only"}} with {@code Allow: POST} on the endpoints, 404
 * {@code {"error": "no such endpoint"}} elsewhere, like the other two examples. The service answers no CORS preflight.
 */
@Component
public class OptionsRequests extends OncePerRequestFilter {

    private static final Set<String> ENDPOINTS = Set.of("/otp/send", "/otp/verify");
    private static final byte[] METHOD_NOT_ALLOWED = "{\"error\":\"this endpoint takes POST only\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = "{\"error\":\"no such endpoint\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        response.setContentType("application/json");
        if (ENDPOINTS.contains(path)) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "POST");
            response.getOutputStream().write(METHOD_NOT_ALLOWED);
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getOutputStream().write(NOT_FOUND);
        }
    }
}
