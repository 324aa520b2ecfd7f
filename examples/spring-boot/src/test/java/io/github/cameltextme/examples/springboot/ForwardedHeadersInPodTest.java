package io.github.cameltextme.examples.springboot;

import java.util.Map;

import io.github.cameltextme.examples.contract.OtpHttpContract;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.github.cameltextme.otp.simulator.TextMeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In a Kubernetes pod ({@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT} set), Spring Boot turns
 * forwarded-header handling on unless {@code server.forward-headers-strategy} is {@code none}, and Tomcat would then
 * take {@code X-Forwarded-For} from a loopback caller as its address. The application, in a JVM of its own with that
 * environment and one send per client, keeps counting the connection's address: a second send is refused whatever
 * {@code X-Forwarded-For} or {@code Forwarded} header it carries.
 */
@ExtendWith(TextMeSimulatorExtension.class)
class ForwardedHeadersInPodTest {

    private static final String SCRAPE_TOKEN = "pod-scrape-81c3";

    static TextMeSimulator sim;

    @Test
    void forwardedHeadersDoNotPickTheClientKeyInAPod() throws Exception {
        try (ApplicationProcess app = ApplicationProcess.start(
                Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443"),
                "--camel.component.textme-otp.base-url=" + sim.apiUrl(),
                "--camel.component.textme-otp.username=" + sim.username(),
                "--camel.component.textme-otp.api-token=" + sim.token(),
                "--camel.component.textme-otp.source=" + EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE,
                "--camel.component.textme-otp.client-send-limit=1",
                "--textme.limits.redis-url=",
                "--textme.metrics.scrape-token=" + SCRAPE_TOKEN)) {
            try {
                OtpApi api = new OtpApi(app.port());
                assertEquals(200, api.post("/otp/send", "{\"phone\": \"052-123-4901\"}",
                                           "X-Forwarded-For", "203.0.113.1", "Forwarded", "for=203.0.113.2").status());

                api.post("/otp/send", "{\"phone\": \"052-123-4902\"}",
                         "X-Forwarded-For", "203.0.113.3", "Forwarded", "for=203.0.113.4")
                        .assertTooManyRequests(3600);
                api.post("/otp/send", "{\"phone\": \"052-123-4903\"}",
                         "X-Forwarded-For", "198.51.100.7, 203.0.113.5", "Forwarded", "for=\"[2001:db8::1]\"")
                        .assertTooManyRequests(3600);
                assertEquals(2, OtpHttpContract.refusedBy("client_sends", api.prometheusMetrics(SCRAPE_TOKEN)),
                             "both refused by CLIENT_SENDS");
                assertEquals(1, sim.messages().size(), "the refused sends reached no SMS");
            } catch (AssertionError | Exception failure) {
                System.out.println("The application's output:\n" + app.output());
                throw failure;
            }
        }
    }

    @Test
    void theReadmesTrustedProxyRecipeCountsTheAddressThatOneProxyForwards() throws Exception {
        try (ApplicationProcess app = ApplicationProcess.start(
                Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443"),
                "--camel.component.textme-otp.base-url=" + sim.apiUrl(),
                "--camel.component.textme-otp.username=" + sim.username(),
                "--camel.component.textme-otp.api-token=" + sim.token(),
                "--camel.component.textme-otp.source=" + EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE,
                "--camel.component.textme-otp.client-send-limit=1",
                "--textme.limits.redis-url=",
                "--textme.metrics.scrape-token=" + SCRAPE_TOKEN,
                "--server.forward-headers-strategy=native",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                "--server.tomcat.remoteip.trusted-proxies=^$",
                "--server.tomcat.remoteip.remote-ip-header=x-forwarded-for")) {
            try {
                OtpApi api = new OtpApi(app.port());
                assertEquals(200, api.post("/otp/send", "{\"phone\": \"052-123-4911\"}",
                                           "X-Forwarded-For", "203.0.113.1").status());
                assertEquals(200, api.post("/otp/send", "{\"phone\": \"052-123-4912\"}",
                                           "X-Forwarded-For", "203.0.113.2").status(),
                             "another caller behind the trusted proxy");
                api.post("/otp/send", "{\"phone\": \"052-123-4913\"}", "X-Forwarded-For", "203.0.113.1")
                        .assertTooManyRequests(3600);
                assertEquals(1, OtpHttpContract.refusedBy("client_sends", api.prometheusMetrics(SCRAPE_TOKEN)),
                             "refused by CLIENT_SENDS");
                assertEquals(2, sim.messages().size(), "the refused send reached no SMS");
            } catch (AssertionError | Exception failure) {
                System.out.println("The application's output:\n" + app.output());
                throw failure;
            }
        }
    }
}
