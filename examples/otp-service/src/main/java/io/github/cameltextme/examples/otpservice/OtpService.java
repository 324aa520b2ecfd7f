package io.github.cameltextme.examples.otpservice;

import java.util.Map;
import java.util.Optional;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.main.Main;

/**
 * The running service: Camel Main with the YAML routes of {@code routes/}, and, when no TextMe setting is given at all,
 * the TextMe simulator in-process with the component pointed at it ({@link TextMeTarget}). With a Redis URL in the settings the send limits
 * count in that Redis, shared by every instance using it; otherwise in this process's memory.
 */
public final class OtpService implements AutoCloseable {

    /** The registry name of the Redis store, which the component autowires as its {@code limitStore}. */
    static final String LIMIT_STORE_BEAN = "textMeOtpLimitStore";

    private final Main main;
    private final TextMeSimulator simulator;
    private final RedisLimitStore limitStore;
    private final int port;

    private OtpService(Main main, TextMeSimulator simulator, RedisLimitStore limitStore, int port) {
        this.main = main;
        this.simulator = simulator;
        this.limitStore = limitStore;
        this.port = port;
    }

    /**
     * Starts the service, with Camel properties that override application.properties (the TextMe settings of the
     * environment, or a test's, e.g. {@code camel.component.textme-otp.client-send-limit}); returns once it serves
     * HTTP. With no TextMe setting at all it runs on a new embedded simulator, which it closes when it stops.
     *
     * @throws TextMeTarget.IncompleteTextMeSettingsException when some TextMe settings are given, not all the API needs
     */
    public static OtpService start(OtpServiceSettings settings, Map<String, String> properties) throws Exception {
        Main main = new Main();
        main.addOverrideProperty("camel.server.port", String.valueOf(settings.port()));
        properties.forEach(main::addOverrideProperty);
        TextMeTarget textMe = new TextMeTarget();
        main.addMainListener(textMe);
        RedisLimitStore limitStore = null;
        try {
            if (settings.usesRedisLimits()) {
                limitStore = RedisLimitStore.connect(settings.limitsRedisUrl());
                main.bind(LIMIT_STORE_BEAN, limitStore.proxyManager());
            }
            main.start();
        } catch (Exception e) {
            if (limitStore != null) {
                limitStore.close();
            }
            textMe.simulator().ifPresent(TextMeSimulator::close);
            throw e;
        }
        return new OtpService(main, textMe.simulator().orElse(null), limitStore, settings.port());
    }

    /** The service's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The embedded simulator, when the service runs on it. */
    public Optional<TextMeSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** Where the send limits count: {@code Redis at host:port} or {@code this process's memory}. */
    public String limitsLocation() {
        return limitStore != null ? "Redis at " + limitStore.address() : "this process's memory";
    }

    /** Stops Camel, then the Redis client and the simulator. */
    @Override
    public void close() {
        main.stop();
        if (limitStore != null) {
            limitStore.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
