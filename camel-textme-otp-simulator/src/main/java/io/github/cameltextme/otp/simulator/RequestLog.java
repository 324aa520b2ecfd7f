package io.github.cameltextme.otp.simulator;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every request the API received, in arrival order. */
final class RequestLog {

    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

    void record(RecordedRequest request) {
        requests.add(request);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }
}
