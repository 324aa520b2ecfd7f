package io.github.cameltextme.examples.otpservice;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import static io.github.cameltextme.examples.otpservice.ServiceCalls.onFreePort;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.send;
import static io.github.cameltextme.examples.otpservice.ServiceCalls.textMeAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure the routes do not expect, here a fault put in place of the send to TextMe whose message holds the phone, a
 * code and the token, is answered 500 {@code {"error":"internal error"}} and logged once at ERROR, naming the route and
 * the exception's class, none of its message.
 */
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureIs500AndOneErrorLineNamingItsClassOnly() throws Exception {
        try (TextMeSimulator simulator = TextMeSimulator.start();
             ErrorEvents errors = new ErrorEvents();
             OtpService service = OtpService.start(onFreePort(""), textMeAt(simulator,
                     "camel.main.routes-builder-classes", FailingSends.class.getName()))) {
            HttpResponse<String> answer = send(service, "054-321-7001");

            assertEquals(500, answer.statusCode(), answer.body());
            assertEquals("{\"error\":\"internal error\"}", answer.body());
            assertEquals(List.of("Unexpected failure in send-otp: java.lang.IllegalStateException"), errors.lines());
            assertTrue(simulator.requests().stream().noneMatch(request -> request.body().contains("\"phone\"")),
                       "nothing reached TextMe");
        }
    }

    /** Puts a failure in place of every send to TextMe, its message holding what no log line may show. */
    public static final class FailingSends extends RouteBuilder {

        @Override
        public void configure() {
            getContext().getCamelContextExtension().addInterceptStrategy((context, definition, target, next) ->
                    definition instanceof ToDefinition to && to.getUri().equals("textme-otp:send")
                            ? AsyncProcessorConverterHelper.convert(exchange -> {
                                throw new IllegalStateException("0543217001 123456 "
                                        + context.resolvePropertyPlaceholders("{{camel.component.textme-otp.api-token}}"));
                            })
                            : target);
        }
    }

    /** The messages of the ERROR events logged while open, whatever the logger. */
    private static final class ErrorEvents implements AutoCloseable {

        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        private final LoggerConfig root = context.getConfiguration().getRootLogger();
        private final AbstractAppender appender = new AbstractAppender("errors-" + UUID.randomUUID(), null, null, true,
                                                                       Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.ERROR)) {
                    lines.add(event.getMessage().getFormattedMessage());
                }
            }
        };

        ErrorEvents() {
            appender.start();
            root.addAppender(appender, Level.ERROR, null);
            context.updateLoggers();
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            root.removeAppender(appender.getName());
            context.updateLoggers();
            appender.stop();
        }
    }
}
