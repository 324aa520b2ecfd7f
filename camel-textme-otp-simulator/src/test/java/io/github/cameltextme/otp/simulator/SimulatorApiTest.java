package io.github.cameltextme.otp.simulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the API on the simulator of the JUnit extension, which it sets in {@link #sim} for each test (one simulator
 * per test class), with an {@link ApiClient} on it and a phone to text.
 */
@ExtendWith(TextMeSimulatorExtension.class)
abstract class SimulatorApiTest {

    static final String PHONE = "0521234567";

    TextMeSimulator sim;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(sim);
    }
}
