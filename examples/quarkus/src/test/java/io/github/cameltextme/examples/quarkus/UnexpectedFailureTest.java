package io.github.cameltextme.examples.quarkus;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure the routes do not expect, here a fault put in place of the send to TextMe whose message holds the phone, a
 * code and the token, is answered 500 {@code {"error":"internal error"}} and logged once at ERROR naming the
 * exception's class, none of its message and no stack trace.
 */
@QuarkusTest
@TestProfile(UnexpectedFailureTest.FailingSends.class)
class UnexpectedFailureTest {

    private static final String PHONE = "0543217001";
    private static final String CODE = "123456";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler everyRecord = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TestHTTPResource("/otp/send")
    URI send;

    @Inject
    TextMeTarget textMe;

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(everyRecord);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(everyRecord);
    }

    @Test
    void anUnexpectedFailureIs500AndOneErrorLineNamingItsClassOnly() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(send).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"phone\": \"" + PHONE + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(500, answer.statusCode(), answer.body());
        assertEquals("{\"error\":\"internal error\"}", answer.body());
        List<String> errors = records.stream().filter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(UnexpectedFailureTest::formatted).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).endsWith("Unexpected failure: java.lang.IllegalStateException"), errors::toString);
        String everything = String.join("\n", records.stream().map(UnexpectedFailureTest::formatted).toList());
        for (String secret : List.of(PHONE, CODE, textMe.simulator().orElseThrow().token(), "at io.github")) {
            assertFalse(everything.contains(secret), secret + " in the log:\n" + everything);
        }
    }

    private static String formatted(LogRecord record) {
        String message = record.getParameters() == null ? record.getMessage()
                         : String.format(record.getMessage(), record.getParameters());
        if (record.getThrown() == null) {
            return message;
        }
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        return message + "\n" + trace;
    }

    /** The application with {@link FailEverySend} in place. */
    public static class FailingSends implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailEverySend.class);
        }
    }

    /** Puts a failure in place of every send to TextMe, its message holding what no log line may show. */
    @Alternative
    @Singleton
    @Unremovable
    public static class FailEverySend {

        @Inject
        TextMeTarget textMe;

        void beforeTheRoutes(@Observes BeforeConfigure event) {
            event.getMain().getCamelContext().getCamelContextExtension().addInterceptStrategy(
                    (context, definition, target, next) -> definition instanceof ToDefinition to
                                                           && to.getUri().startsWith("textme-otp:send")
                            ? AsyncProcessorConverterHelper.convert(exchange -> {
                                throw new IllegalStateException(
                                        PHONE + " " + CODE + " " + textMe.simulator().orElseThrow().token());
                            })
                            : target);
        }
    }
}
