package io.github.cameltextme.examples.springboot;

import java.util.function.Supplier;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The dynamic properties of a test against the simulator of the JUnit extension: the component pointed at it, and the
 * send limits in memory whatever TEXTME_LIMITS_REDIS_URL the build's environment has. The simulator is read when Spring
 * resolves the properties, after the extension has set it.
 */
final class SimulatorProperties {

    private SimulatorProperties() {
    }

    /** The simulator's URL and account, and the sender it receives from. */
    static void register(DynamicPropertyRegistry registry, Supplier<TextMeSimulator> simulator) {
        register(registry, simulator, () -> simulator.get().token());
    }

    /** The simulator's URL and username, with the given token. */
    static void register(DynamicPropertyRegistry registry, Supplier<TextMeSimulator> simulator, Supplier<String> token) {
        registry.add("camel.component.textme-otp.base-url", () -> simulator.get().apiUrl());
        registry.add("camel.component.textme-otp.username", () -> simulator.get().username());
        registry.add("camel.component.textme-otp.api-token", token::get);
        registry.add("camel.component.textme-otp.source", () -> EmbeddedSimulatorConfiguration.SIMULATOR_SOURCE);
        registry.add("textme.limits.redis-url", () -> "");
    }
}
