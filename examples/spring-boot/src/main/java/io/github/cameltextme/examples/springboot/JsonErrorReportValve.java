package io.github.cameltextme.examples.springboot;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The answer of the errors Tomcat gives before any of the application sees the request (a path holding an encoded
 * slash or a NUL, a malformed request line or header, a request line or headers over the bounds), where Tomcat's
 * {@link ErrorReportValve} writes an HTML page: JSON {@code {"error": "<reason>"}} with
 * {@link JsonErrorController}'s reasons, repeating nothing of the request. Installed in its place by
 * {@link TomcatErrorAnswers}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":\"" + JsonErrorController.reason(status) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the caller is gone or the answer was committed meanwhile: nothing more can be said to it
        }
    }
}
