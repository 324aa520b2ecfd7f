package io.github.cameltextme.examples.springboot;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code OPTIONS}, which Spring MVC would answer itself (200 with {@code Allow}), as any other method than
 * {@code POST}: 405 with {@code Allow: POST} on the endpoints, 404 elsewhere, like the other two examples; the bodies
 * are {@link JsonErrorController}'s, as for every error. The service answers no CORS preflight.
 */
@Component
public class OptionsRequests extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        if (EndpointPaths.ALL.contains(EndpointPaths.writtenPath(request))) {
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
