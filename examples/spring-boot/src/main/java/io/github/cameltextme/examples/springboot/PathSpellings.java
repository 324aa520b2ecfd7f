package io.github.cameltextme.examples.springboot;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves each endpoint under the exact spelling of its path only: a request that the web server would take to an
 * endpoint by another spelling ({@code /otp/send/}, {@code /otp//send}, {@code /otp/./send}, {@code /otp/send;x=1},
 * {@code /otp/%73end}) is 404, as a path nothing serves. A proxy or firewall in front that counts, limits or blocks
 * {@code /otp/send} then sees every request that reaches it, and the three examples agree on what they serve. A query
 * string is no part of the path and changes nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PathSpellings extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!EndpointPaths.ALL.contains(EndpointPaths.writtenPath(request))
            && EndpointPaths.ALL.contains(EndpointPaths.servedPath(request))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
