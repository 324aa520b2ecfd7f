package io.github.cameltextme.examples.otpservice;

import java.util.Map;
import java.util.Optional;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.main.Main;

/**
 * The running service: Camel Main with the YAML routes of {@code routes/}, and, when no TextMe token is configured,
 * the TextMe simulator in-process with the component pointed at it. With a Redis URL in the settings the send limits
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

    /** Starts the service, on a new embedded simulator when the settings have no token; returns once it serves HTTP. */
    public static OtpService start(OtpServiceSettings settings) throws Exception {
        return start(settings, settings.usesSimulator() ? TextMeSimulator.start() : null);
    }

    /** Starts the service on the given simulator, which it closes when it stops, or on the real API when null. */
    static OtpService start(OtpServiceSettings settings, TextMeSimulator simulator) throws Exception {
        return start(settings, simulator, Map.of());
    }

    /**
     * Starts the service on the given simulator (closed when it stops; the real API when null), with Camel properties
     * that override application.properties, e.g. {@code camel.component.textme-otp.client-send-limit}.
     */
    static OtpService start(OtpServiceSettings settings, TextMeSimulator simulator, Map<String, String> properties)
            throws Exception {
        Main main = new Main();
        main.addOverrideProperty("camel.server.port", String.valueOf(settings.port()));
        if (simulator != null) {
            main.addOverrideProperty("camel.component.textme-otp.base-url", simulator.apiUrl());
            main.addOverrideProperty("camel.component.textme-otp.username", simulator.username());
            main.addOverrideProperty("camel.component.textme-otp.api-token", simulator.token());
        }
        properties.forEach(main::addOverrideProperty);
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
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
        return new OtpService(main, simulator, limitStore, settings.port());
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
