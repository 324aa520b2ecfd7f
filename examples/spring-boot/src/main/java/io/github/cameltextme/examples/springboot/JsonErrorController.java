package io.github.cameltextme.examples.springboot;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer of every error Spring MVC or the web server hands to {@code /error}, in place of Spring Boot's
 * {@code BasicErrorController}, whose answer names the path and, for a browser, is an HTML page: always JSON
 * {@code {"error": "<reason>"}} whatever the request's {@code Accept}, with the status of the error and a reason that
 * repeats nothing of the request. 404 {@code no such endpoint} for a path no route serves (and for {@code /error}
 * itself), 405 {@code this endpoint takes POST only} for another method on the endpoints.
 */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
        Object errorStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = errorStatus instanceof Integer code ? code : 404;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(reason(status)));
    }

    /** The reason given for an error status, the same whoever answers it (this controller or {@link JsonErrorReportValve}). */
    static String reason(int status) {
        return switch (status) {
            case 404 -> "no such endpoint";
            case 405 -> "this endpoint takes POST only";
            default -> status < 500 ? "the request cannot be served" : "internal error";
        };
    }
}
