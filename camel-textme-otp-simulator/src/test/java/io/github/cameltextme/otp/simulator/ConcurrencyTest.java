package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TextMeSimulatorExtension.class)
class ConcurrencyTest {

    private static final int PAIRS = 500;
    private static final int CLIENT_THREADS = 32;

    @Test
    @Timeout(60)
    void concurrentSendValidatePairsForDistinctPhonesAllSucceed(TextMeSimulator sim)
            throws InterruptedException, ExecutionException, TimeoutException {
        ApiClient api = new ApiClient(sim);
        Map<String, String> validatedCodeByPhone = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> pairs = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                String phone = String.format(Locale.ROOT, "05%08d", i);
                pairs.add(clients.submit(() -> {
                    assertStatus(0, api.post(Requests.sendOtp("demo", phone)));
                    String code = sim.lastCode(phone);
                    assertStatus(0, api.post(Requests.validateOtp("demo", phone, code)));
                    validatedCodeByPhone.put(phone, code);
                }));
            }
            for (Future<?> pair : pairs) {
                pair.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        List<SmsMessage> messages = sim.messages();
        assertEquals(PAIRS, messages.size());
        Map<String, String> deliveredCodeByPhone = messages.stream()
                .collect(Collectors.toMap(SmsMessage::phone, SmsMessage::code));
        assertEquals(PAIRS, deliveredCodeByPhone.size(), "one message per phone");
        assertEquals(validatedCodeByPhone, deliveredCodeByPhone, "each phone validated with the code it was sent");
        assertEquals(PAIRS * 2, sim.requests().size());
    }
}
