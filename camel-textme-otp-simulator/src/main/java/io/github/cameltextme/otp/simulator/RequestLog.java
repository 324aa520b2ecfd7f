package io.github.cameltextme.otp.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The newest requests the API received, oldest first; the oldest is forgotten once the log is full. */
final class RequestLog {

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final int capacity;

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(RecordedRequest request) {
        if (requests.size() == capacity) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
