package io.github.cameltextme.examples.springboot;

import java.util.List;

import io.github.cameltextme.otp.simulator.RecordedRequest;
import io.github.cameltextme.otp.simulator.TextMeSimulator;

/**
 * The requests that reached the simulator for sends and validates: the readiness check's balance calls, which the
 * component makes in the background from the start and every balance-check-interval, are left out.
 */
final class OtpCalls {

    private OtpCalls() {
    }

    static List<RecordedRequest> of(TextMeSimulator sim) {
        return sim.requests().stream().filter(request -> !request.body().contains("\"balance\"")).toList();
    }
}
