package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one content type a {@code POST} may have: {@code application/json}, in UTF-8, JSON's own encoding, whether the
 * request says {@code charset=utf-8} or nothing. Another media type or charset, a charset Java does not know included,
 * or no {@code Content-Type} at all, is answered 415 {@code {"error": "..."}} before the body is read, and before
 * Spring or Camel parse a form out of it.
 */
@Component
public class JsonContentType extends OncePerRequestFilter {

    private static final byte[] NOT_JSON_IN_UTF8 = "{\"error\":\"the request body must be JSON in UTF-8, sent as application/json\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || isJsonInUtf8(request.getHeader("Content-Type"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        response.setContentType("application/json");
        response.setContentLength(NOT_JSON_IN_UTF8.length);
        response.getOutputStream().write(NOT_JSON_IN_UTF8);
    }

    static boolean isJsonInUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                String charset = parameter.length > 1 ? parameter[1].strip().replace("\"", "") : "";
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
