package io.github.cameltextme.otp;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MetersRecordingBenchmark}, called outside JMH, records a send as the producer does: one {@code sent} exchange
 * and one round trip of a send in the component's meters with a registry, and nothing anywhere without one.
 */
class MetersRecordingBenchmarkTest {

    @Test
    void recordsOneSentSendAndItsRoundTripWithTheMetersAndNothingWithout() throws Exception {
        MetersRecordingBenchmark benchmark = new MetersRecordingBenchmark();
        benchmark.start();
        try {
            benchmark.recordWithMeters();
            benchmark.recordWithMeters();
            benchmark.recordWithoutMeters();

            assertEquals(2, benchmark.registry.get(TextMeOtpMicrometerMeters.EXCHANGES)
                    .tags("operation", "send", "outcome", "sent").counter().count());
            assertEquals(2, benchmark.registry.get(TextMeOtpMicrometerMeters.ROUND_TRIP)
                    .tags("operation", "send").timer().count());
            assertEquals(0.5, benchmark.registry.get(TextMeOtpMicrometerMeters.ROUND_TRIP)
                    .tags("operation", "send").timer().totalTime(TimeUnit.MILLISECONDS));
        } finally {
            benchmark.stop();
        }
    }
}
