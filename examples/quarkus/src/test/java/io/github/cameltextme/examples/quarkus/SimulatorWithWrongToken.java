package io.github.cameltextme.examples.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.github.cameltextme.otp.simulator.TextMeSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TextMe simulator the example reaches as the TextMe API, with every setting given but a token the simulator does
 * not know. The test gets the simulator in a field marked {@link Simulator}.
 */
public class SimulatorWithWrongToken implements QuarkusTestResourceLifecycleManager {

    /** The token the example sends, which the simulator refuses. */
    static final String WRONG_TOKEN = "not-the-simulator-token";

    private TextMeSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = TextMeSimulator.start();
        return Map.of("textme.base-url", simulator.apiUrl(),
                      "textme.username", simulator.username(),
                      "textme.api-token", WRONG_TOKEN,
                      "textme.source", TextMeTarget.SIMULATOR_SOURCE);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                                      new TestInjector.AnnotatedAndMatchesType(Simulator.class, TextMeSimulator.class));
    }

    @Override
    public void stop() {
        simulator.close();
    }

    /** Marks the test's field that receives the simulator. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Simulator {
    }
}
