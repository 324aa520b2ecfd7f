package io.github.cameltextme.examples.quarkus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The examples' HTTP contract, held by the example on its embedded simulator. The ERROR lines are those every logger
 * of the application passes to the root logger from the start of the class.
 */
@QuarkusTest
@TestProfile(QuarkusContractTest.OneBalanceCall.class)
class QuarkusContractTest extends OtpHttpContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> ERRORS = new CopyOnWriteArrayList<>();
    private static final Handler ERROR_LINES = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                ERRORS.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TestHTTPResource("/")
    String url;

    @Inject
    TextMeTarget textMe;

    @BeforeAll
    static void listenForErrors() {
        Logger.getLogger("").addHandler(ERROR_LINES);
    }

    @AfterAll
    static void stopListening() {
        Logger.getLogger("").removeHandler(ERROR_LINES);
    }

    @Override
    protected String baseUrl() {
        return url.replaceFirst("/$", "");
    }

    @Override
    protected TextMeSimulator textMe() {
        return textMe.simulator().orElseThrow();
    }

    @Override
    protected List<String> errorLogLines() {
        return List.copyOf(ERRORS);
    }

    /** /q/metrics, with the scrape token of the test profile. */
    @Override
    protected String prometheusMetrics() throws IOException, InterruptedException {
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(url + "q/metrics"))
                                                        .header("Authorization", "Bearer scrape-test-token").build(),
                                                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), scrape.body());
        return scrape.body();
    }

    /** The readiness check's balance call once, at the start: no background call takes a fault meant for a send. */
    public static class OneBalanceCall implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.textme-otp.balance-check-interval", "1h");
        }
    }
}
